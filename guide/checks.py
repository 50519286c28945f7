"""System checks for what only this project can know is wrong."""

from django.conf import settings
from django.core.checks import Error, Tags, register

MISSING_SECRET_KEY = "Set the SECRET_KEY environment variable (or DEBUG=1 for local development)."


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    if getattr(settings, "SECRET_KEY_MISSING", False):
        return [Error(MISSING_SECRET_KEY, id="guide.E001")]
    return []
