"""The project's settings, as the test suite needs them.

A throwaway SECRET_KEY, plain static storage (no collectstatic before tests), and
fast password hashing. Everything else is exactly ``guide.settings``.
"""

import os

import jinja2

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SITE_URL", "http://testserver")

from guide.settings import *  # noqa: F403

# The suite never uses a cache of the machine it runs on (it empties the cache before
# every test), nor cache settings from the environment: tests that need Redis start
# their own.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
PAGE_CACHE_ENABLED = True
PAGE_CACHE_SECONDS = 3600
PAGE_CACHE_STALE_SECONDS = 86400
PAGE_CACHE_MAX_AGE = 300

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files straight from static/ (browser tests need the CSS), no collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The test client speaks plain HTTP; production redirects it to HTTPS.
SECURE_SSL_REDIRECT = False
# A readers' template that names a variable the view does not give fails the test,
# instead of rendering an empty string.
TEMPLATES[0]["OPTIONS"]["undefined"] = jinja2.StrictUndefined  # noqa: F405
