import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guide.settings")

application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (configured by the line above)

from guide.checks import MISSING_SECRET_KEY, site_url_problem  # noqa: E402

if settings.SECRET_KEY_MISSING:
    # Sessions and CSRF tokens signed with a throwaway key: refuse to serve.
    raise ImproperlyConfigured(MISSING_SECRET_KEY)
if site_url_problem():
    # Canonical links and printed QR codes would point nowhere: refuse to serve.
    raise ImproperlyConfigured(site_url_problem())
