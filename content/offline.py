"""Reading without a connection: what a reader can save, and the page they get
offline when a page was never saved. The service worker that keeps the pages is
``guide/service_worker.py``; the page script that talks to it, ``static/js/offline.js``.
"""

import posixpath

from django.http import JsonResponse
from django.templatetags.static import static
from django.utils.translation import get_language
from django.views.generic import TemplateView

from content import reading
from content.models import Organisation
from content.views import PublicView
from guide.addresses import address


def offline_pages(language):
    """The addresses "Save this guide" keeps for a language: every topic page, the
    background page, the organisation list and pages, privacy, the offline page, and
    the files they need."""
    pages = [address("content:home")]
    pages += [summary.url for summary in reading.topic_summaries(language)]
    pages += [address("content:about"), address("content:organisations")]
    pages += [
        address("content:organisation", slug=slug)
        for slug in Organisation.objects.order_by("name").values_list("slug", flat=True)
    ]
    pages += [address("content:privacy"), address("content:offline")]
    return [*pages, static("css/guide.css"), static("favicon.svg")]


class OfflinePagesView(PublicView):
    """``/<lang>/offline/pages.json``: those addresses, relative to this one, so that
    a copy of the guide served from another folder (``content/mirror.py``) works too."""

    def get(self, request, *args, **kwargs):
        here = posixpath.dirname(request.path)
        pages = [relative(page, here) for page in offline_pages(get_language())]
        return JsonResponse({"pages": pages})


def relative(path, folder):
    """``path`` as seen from ``folder``, a folder's path keeping its final slash."""
    return posixpath.relpath(path, folder) + ("/" if path.endswith("/") else "")


class OfflinePageView(PublicView, TemplateView):
    """``/<lang>/offline/``: what the service worker shows for a page that was never
    saved on this phone."""

    template_name = "content/offline.html"
