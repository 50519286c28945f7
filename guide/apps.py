from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuideConfig(AppConfig):
    """The site's plumbing: system checks and the page cache's tags."""

    name = "guide"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from guide import checks  # noqa: F401  (registers the project's system checks)
