from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Readers' reports of what is wrong or missing on a page."""

    name = "feedback"
    verbose_name = _("Reports from readers")
    default_auto_field = "django.db.models.BigAutoField"
