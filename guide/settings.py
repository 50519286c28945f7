"""Settings for the guide, read from environment variables with safe defaults.

Nothing here needs changing between machines: set environment variables instead
(see README.md). Without any, the site runs on a local SQLite file with DEBUG off,
and refuses to start without a SECRET_KEY.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from guide import languages


def env_bool(name, default=False):
    value = os.environ.get(name, "")
    if not value:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent

# --- Core and security -------------------------------------------------------------

DEBUG = env_bool("DEBUG")

# Without a SECRET_KEY the web server refuses to start (guide/wsgi.py) and
# `check --deploy` fails (guide/checks.py); commands that sign nothing (migrations,
# catalogues, static files, content) still run, with a throwaway key.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
SECRET_KEY_MISSING = not SECRET_KEY and not DEBUG
if not SECRET_KEY:
    SECRET_KEY = (
        secrets.token_urlsafe(50)
        if SECRET_KEY_MISSING
        else "insecure-local-development-key-never-use-in-production"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")

# The guide's public address (scheme and host, no path): canonical links, the sitemap,
# QR codes and printed addresses use it, never the Host a request claims. Required in
# production (guide/checks.py, guide/wsgi.py).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")

# --- Privacy and security headers --------------------------------------------------
# The readers fear being tracked: no cookies for them, nothing loaded from elsewhere,
# and no referrer, so an organisation's site never learns which page a visitor read.

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# In production the site is served over HTTPS only (behind a proxy that terminates TLS,
# gunicorn trusts X-Forwarded-Proto from FORWARDED_ALLOW_IPS; see gunicorn.conf.py).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
# Asking browsers to preload HSTS binds the whole domain; its owner decides (W021).
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Only editors get cookies (the admin's session and CSRF token).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day
CSRF_FAILURE_VIEW = "content.views.csrf_failure"

# Password guessing: after AXES_FAILURE_LIMIT failed logins for one account from one
# address, that combination is locked out for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Behind a load balancer, the number of proxies in front whose X-Forwarded-For entries
# to trust (guide/client_address.py); 0 when the site is reached directly.
TRUSTED_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "guide.client_address.client_address"
# Failed log-ins are kept until the lockout has passed; successful ones are not recorded.
AXES_DISABLE_ACCESS_LOG = True
LOGIN_REDIRECT_URL = "admin:index"
# The name authenticator apps show next to the editors' codes (guide/admin_site.py).
OTP_TOTP_ISSUER = "Guide for undocumented Amsterdammers"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# What the admin needs on top (guide.middleware.ContentSecurityPolicyMiddleware): the
# Django admin writes inline style attributes. Scripts stay 'self' only.
CONTENT_SECURITY_POLICY_ADMIN_UPDATE = {"style-src": [UNSAFE_INLINE], "img-src": ["data:"]}

PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# --- Applications ------------------------------------------------------------------

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "guide.apps.GuideAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "parler",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "guide",
    "content",
    "links",
    "feedback",
]

MIDDLEWARE = [
    "guide.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "guide.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "guide.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before anything that adds "Vary: Cookie", so pages stay cacheable per language.
    "guide.middleware.LocaleMiddleware",
    "guide.middleware.AdminMiddleware",
    "guide.middleware.LanguageParameterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: whether an editor also passed the second step.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "guide.middleware.ReadableErrorPagesMiddleware",
    "content.outage.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: locks out repeated failed logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "guide.urls"
# Where editors log in; another path than the well-known one keeps bots away.
ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/").strip("/") + "/"
# The CSRF cookie serves the admin's forms only: scoped to its path and gone when the
# browser closes, so a reader who once opened the log-in page carries nothing around.
CSRF_COOKIE_PATH = f"/{ADMIN_PATH}"
CSRF_COOKIE_AGE = None
WSGI_APPLICATION = "guide.wsgi.application"

# Readers' pages are Jinja2 templates (templates/readers/, content/templating.py); the admin
# and the sitemap keep Django's. Django looks for a template in this order.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "readers"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "content.templating.environment",
            "context_processors": [
                "guide.context_processors.languages_context",
                "content.templating.reader_language",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data --------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database that does not answer fails the request quickly (a 503, or the last good
    # page from the cache) instead of holding the worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Caching -------------------------------------------------------------------------
# Pages are kept in each process's memory by default, or in one Redis that all
# instances share (REDIS_URL). Either way an edit refreshes them everywhere at once:
# whether a stored page is current is decided in the database (guide/page_cache.py).

# The release being served (set per release, e.g. the commit): a new one starts with an
# empty page cache, and readers' phones get its service worker (guide/service_worker.py).
RELEASE = os.environ.get("RELEASE", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
# A Redis that hangs must not hang readers: give up after this long and render.
REDIS_TIMEOUT_SECONDS = float(os.environ.get("REDIS_TIMEOUT", "0.25"))


def redis_cache(url):
    """Django's Redis cache at ``url``, given up on quickly and never retried within a
    request (``guide/cache_guard.py`` decides when to ask again)."""
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_TIMEOUT_SECONDS,
            "retry": None,
        },
    }


CACHES = {
    "default": {
        **(
            redis_cache(REDIS_URL)
            if REDIS_URL
            else {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                # Every page in every language, a few times over.
                "OPTIONS": {"MAX_ENTRIES": 5000},
            }
        ),
        # A new release (new templates, new translations) starts with an empty cache.
        "KEY_PREFIX": RELEASE,
    }
}
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
# How long a stored page may be served at most (edits refresh it at once anyway).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# How much longer a stored page is kept, to be served while the database is down.
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "86400"))
# After the cache failed, how long pages are rendered without asking it again.
CACHE_RETRY_SECONDS = float(os.environ.get("CACHE_RETRY_SECONDS", "5"))
# How long browsers and a CDN in front may keep a public page.
PAGE_CACHE_MAX_AGE = int(os.environ.get("CACHE_MAX_AGE", "300"))

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# --- Editing -----------------------------------------------------------------------

# Pages and organisations not checked for this long are listed as overdue.
REVIEW_PERIOD_DAYS = int(os.environ.get("REVIEW_PERIOD_DAYS", "183"))
# Links to other sites are checked by `manage.py check_links` only, never during a
# request (links/checking.py): seconds to wait for a site, requests at a time to one
# host, and requests at a time in all.
LINK_CHECK_TIMEOUT = float(os.environ.get("LINK_CHECK_TIMEOUT", "5"))
LINK_CHECK_PER_HOST = int(os.environ.get("LINK_CHECK_PER_HOST", "2"))
LINK_CHECK_WORKERS = int(os.environ.get("LINK_CHECK_WORKERS", "8"))
# The admin speaks the editors' language, whatever their browser says.
ADMIN_LANGUAGE = os.environ.get("ADMIN_LANGUAGE", "nl")

# --- Reports from readers (feedback/) ----------------------------------------------

# Reports are deleted this many days after they arrived.
FEEDBACK_RETENTION_DAYS = int(os.environ.get("FEEDBACK_RETENTION_DAYS", "90"))
# How many reports one connection may send in an hour (counted in the cache).
FEEDBACK_REPORTS_PER_HOUR = int(os.environ.get("FEEDBACK_REPORTS_PER_HOUR", "5"))
FEEDBACK_CACHE_ALIAS = "default"
# How long a report form is accepted after its page was rendered: longer than a page
# may be served from the page cache, stale ones included.
FEEDBACK_FORM_HOURS = int(os.environ.get("FEEDBACK_FORM_HOURS", "72"))

# --- Languages ---------------------------------------------------------------------

languages.register_with_django()

# Interface strings missing from a catalogue fall back to this language, as content falls
# back to English first (see languages.FALLBACK_LANGUAGES). Content's source is Dutch.
LANGUAGE_CODE = languages.FALLBACK_LANGUAGES[0]
LANGUAGES = languages.django_languages()
LANGUAGES_BIDI = languages.bidi_codes()
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

SITE_ID = 1
PARLER_DEFAULT_LANGUAGE_CODE = languages.SOURCE_LANGUAGE
PARLER_LANGUAGES = languages.parler_languages(SITE_ID)
# Parler's own cache misses raw saves (a restored revision, a fixture); pages are cached
# whole instead.
PARLER_ENABLE_CACHING = False

MODELTRANSLATION_DEFAULT_LANGUAGE = languages.SOURCE_LANGUAGE
MODELTRANSLATION_LANGUAGES = languages.CODES
MODELTRANSLATION_FALLBACK_LANGUAGES = languages.modeltranslation_fallbacks()

# --- Static files ------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# jQuery UI for modeltranslation's language tabs in the admin, served from here: its
# default is a Google CDN, which the CSP blocks and which the site must never call.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    # No collectstatic needed while developing.
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# --- Logging -----------------------------------------------------------------------

# Nothing that identifies a visitor is logged: Django logs paths, never addresses, and
# the development server's request lines lose their query strings. (gunicorn's access
# log is configured in gunicorn.conf.py.)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_query": {"()": "guide.log_filters.WithoutQueryString"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["without_query"],
        },
    },
    "loggers": {
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        # Every successful login would be an INFO line; failures and lockouts are warnings.
        "axes": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
