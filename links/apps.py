from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinksConfig(AppConfig):
    """Whether the guide's links to other sites still work (``manage.py check_links``)."""

    name = "links"
    verbose_name = _("Links to other sites")
    default_auto_field = "django.db.models.BigAutoField"
