from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Guide content")

    def ready(self):
        from content import signals  # noqa: F401  (connects the page cache's invalidation)
