"""A static copy of the whole guide (``manage.py export_site``).

An NGO can put it on any static host (a CDN, its own web space, object storage), or
hand it on as a folder or a zip file that opens from a laptop or a USB stick. Every
page is what the server sends for its address, byte for byte, apart from the form of
its links:

- **relative** (the default): every link leads from file to file (``../x/index.html``),
  so the copy opens from the file system;
- **hosted** (``--base-url``): links keep their addresses, under the base URL's path.
  At the root of a host, the files are the server's answers unchanged.

The pages are found as a reader would: from ``/``, following every link to the site
itself (the service worker and the offline pages included), plus the sitemap. Search cannot work without the server:
its page says so and leads to the topics. A reader's report ("Is something wrong or
missing on this page?") is sent to the guide itself (``SITE_URL``); when its form has
grown older than ``FEEDBACK_FORM_HOURS``, the guide shows it again, the message kept,
to be sent once more.
"""

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import resolve
from django.utils import translation

from content.views import SearchView
from guide.languages import CODES

#: A link to the site itself in a page: the attribute, and the address up to its end.
#: (The data- attributes lead static/js/offline.js to the service worker, the offline
#: page and the list of pages to save.)
LINK = re.compile(
    r'(?P<attribute>(?<![\w-])(?:href|src|action|data-service-worker|data-offline-pages?)=")'
    r'(?P<address>/(?!/)[^"]*)"'
)
#: Pages a reader reaches without a link from another page.
ALSO = ["/sitemap.xml"]
#: Where only the guide's server can answer: links to them lead to the guide itself.
SERVER_ONLY = {"feedback:topic", "feedback:organisation"}


def file_for(path):
    """Where the answer for ``path`` (no query) is kept in the copy."""
    return path.lstrip("/") + "index.html" if path.endswith("/") else path.lstrip("/")


def relative(address, from_file):
    """``address`` (``/nl/x/?q#part``) as a link from ``from_file`` to the file that
    holds it (the query is dropped: a static copy has one file per address)."""
    parts = urlsplit(address)
    target = file_for(parts.path)
    link = posixpath.relpath(target, posixpath.dirname(from_file) or ".")
    return link + (f"#{parts.fragment}" if parts.fragment else "")


@dataclass
class Mirror:
    directory: Path
    base_url: str = ""
    written: list = field(default_factory=list)
    broken: list = field(default_factory=list)

    def __post_init__(self):
        origin = urlsplit(settings.SITE_URL)
        self.client = Client(HTTP_HOST=origin.netloc, secure=origin.scheme == "https")
        self.base_path = urlsplit(self.base_url).path.rstrip("/")

    def link(self, address, from_file):
        if needs_the_server(address):
            return settings.SITE_URL + address
        if self.base_url:
            return self.base_path + address
        return relative(address, from_file)

    def rewrite(self, text, target):
        """The page's links to the site itself, in the copy's form."""

        def rewritten(match):
            return match["attribute"] + self.link(match["address"], target) + '"'

        return LINK.sub(rewritten, text)

    def get(self, path):
        if resolve_view(path) == "content:search":
            return search_unavailable(path)
        response = self.client.get(path)
        if response.status_code != 200:
            return None
        if response.streaming:
            return b"".join(response.streaming_content)
        return response.content

    def export(self):
        queue, seen = ["/", *ALSO], set()
        while queue:
            path = urlsplit(queue.pop(0)).path
            if path in seen:
                continue
            seen.add(path)
            body = self.get(path)
            if body is None:
                self.broken.append(path)
                continue
            target = file_for(path)
            if path.endswith("/") or path.endswith(".xml"):
                text = body.decode()
                queue += [
                    match["address"]
                    for match in LINK.finditer(text)
                    if not needs_the_server(match["address"])
                ]
                body = self.rewrite(text, target).encode()
            destination = self.directory / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(body)
            self.written.append(target)
        return self


def language_of(path):
    prefix = path.strip("/").split("/")[0]
    return prefix if prefix in CODES else None


def resolve_view(path):
    """The name of the view that answers ``path`` (in its language), or ``None``."""
    with translation.override(language_of(path)):
        try:
            match = resolve(path)
        except Http404:
            return None
    return f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name


def needs_the_server(address):
    return resolve_view(urlsplit(address).path) in SERVER_ONLY


def search_unavailable(path):
    """The search page of a static copy: it cannot search, and says so."""
    origin = urlsplit(settings.SITE_URL)
    request = RequestFactory(HTTP_HOST=origin.netloc).get(path, secure=origin.scheme == "https")
    with translation.override(language_of(path)):
        request.resolver_match = resolve(path)
        return SearchView.as_view(static_copy=True)(request).render().content
