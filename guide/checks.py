"""System checks for what only this project can know is wrong."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.checks import Error, Tags, register

MISSING_SECRET_KEY = "Set the SECRET_KEY environment variable (or DEBUG=1 for local development)."
BAD_SITE_URL = (
    "Set SITE_URL to the guide's public address, scheme and host only "
    "(for example https://guide.example.org): links, the sitemap and QR codes use it."
)


def site_url_problem():
    """Why ``SITE_URL`` cannot be used, or ``None``."""
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return BAD_SITE_URL
    if parts.path or parts.query or parts.fragment or parts.username or parts.password:
        return BAD_SITE_URL
    return None


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    if getattr(settings, "SECRET_KEY_MISSING", False):
        return [Error(MISSING_SECRET_KEY, id="guide.E001")]
    return []


@register(Tags.security, deploy=True)
def site_url_is_set(app_configs, **kwargs):
    problem = site_url_problem()
    return [Error(problem, id="guide.E002")] if problem else []


@register()
def report_forms_outlive_stored_pages(app_configs, **kwargs):
    """A report form on a page from the page cache must still be accepted."""
    stored = settings.PAGE_CACHE_SECONDS + settings.PAGE_CACHE_STALE_SECONDS
    if settings.FEEDBACK_FORM_HOURS * 3600 < stored:
        message = (
            f"FEEDBACK_FORM_HOURS ({settings.FEEDBACK_FORM_HOURS}) is shorter than a page "
            f"may be served from the page cache ({stored // 3600} hours): readers would "
            "be asked to send their reports twice."
        )
        return [checks.Warning(message, id="guide.W001")]
    return []
