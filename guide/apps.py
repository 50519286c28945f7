from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class GuideAdminConfig(admin_apps.AdminConfig):
    """Django's admin, behind a second step (``guide/admin_site.py``)."""

    default = False  # named in INSTALLED_APPS; "guide" itself is GuideConfig
    default_site = "guide.admin_site.GuideAdminSite"


class GuideConfig(AppConfig):
    """The site's plumbing: system checks and the page cache's tags."""

    default = True
    name = "guide"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from guide import checks  # noqa: F401  (registers the project's system checks)
