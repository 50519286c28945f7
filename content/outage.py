"""What readers get when the guide cannot reach its database.

A page the page cache holds is still served (``guide/page_cache.py``); any other page
gets a 503 in the reader's language, with the emergency number and the organisations'
websites, and ``Retry-After``. That page must not need the database, so it lists the
organisations as the content files of this release have them.
"""

import functools

from django.db import InterfaceError, OperationalError
from django.shortcuts import render

from content.files import parse_organisations
from content.sync import DEFAULT_DATA_DIR
from guide.languages import SOURCE_LANGUAGE

#: How long a reader (or a load balancer) is asked to wait before trying again.
RETRY_AFTER_SECONDS = 120


@functools.cache
def organisation_links():
    """``[(name, website)]`` of every organisation with a website, by name."""
    path = DEFAULT_DATA_DIR / "organisations" / f"{SOURCE_LANGUAGE}.yaml"
    entries = parse_organisations(path.read_text(encoding="utf-8"), SOURCE_LANGUAGE, path.name)
    links = [
        (entry["name"], entry["website"]) for entry in entries.values() if entry.get("website")
    ]
    return sorted(links, key=lambda link: link[0].casefold())


def unavailable(request):
    response = render(request, "503.html", {"organisation_links": organisation_links()}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A page that could not be rendered because the database is down gets the 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # What drivers raise when the server cannot be reached or the connection broke.
        if isinstance(exception, OperationalError | InterfaceError):
            return unavailable(request)
        return None
