"""``/sw.js``: the service worker that keeps pages for reading without a connection.

It is served from the site's root so that it may look after every page (a worker only
controls the pages under its own folder), never cached for long (a new release's worker
must reach readers), and it carries the release, so that a new one replaces the old.
The worker itself is ``templates/readers/offline/sw.js``; the pages that talk to it,
``static/js/offline.js``.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from guide.languages import CODES

#: Paths (after the site's prefix) whose answers are never kept on a reader's phone.
NEVER_KEPT = [
    "[a-z]{2}/preview/",
    "[a-z]{2}/search/",
    "healthz$",
    "livez$",
    "sw\\.js$",
]


@require_safe
def service_worker(request):
    script = render_to_string(
        "offline/sw.js",
        {
            "release": settings.RELEASE or "development",
            "never": [settings.ADMIN_PATH, *NEVER_KEPT],
            "languages": list(CODES),
        },
    )
    return HttpResponse(
        script,
        content_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )
