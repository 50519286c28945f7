"""The page cache: public pages stored whole, compressed once, invalidated precisely.

A public page (GET or HEAD, no editor's session) is rendered once and kept in Django's
cache — per process by default, shared between all instances when ``REDIS_URL`` is set —
together with its gzip-compressed body and an ETag. Views name what a page shows
(``depends_on(request, "topic:3", "organisations")``); saving anything bumps the
version of its tags (``content/signals.py``), and a stored page whose tags moved on is
rendered again. So an edit refreshes exactly the pages that show it, in every process.
"""

import hashlib
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date
from isal import igzip

from guide.middleware import is_admin

CACHEABLE_TYPES = ("text/html", "application/xml")
# ISA-L's gzip at level 2 compresses a topic page in a tenth of the time zlib's level 6
# takes (0.05 against 0.45 ms here), for a body 10% larger (4.6 against 4.2 KB). That
# time is spent on every page not served from the cache.
COMPRESS_LEVEL = 2
# What a stored page keeps of its response; the middleware around this one (security
# headers, CSP, Permissions-Policy) adds its headers to every response, cached or not.
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "Vary")


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def depends_on(request, *tags):
    """Record that the page being rendered shows what ``tags`` name.

    Call it before reading what the tags stand for: the versions are taken now, so an
    edit saved while the page renders makes the stored page stale, never current.
    Without the page cache nothing is stored, so nothing needs recording.
    """
    if not settings.PAGE_CACHE_ENABLED:
        return
    known = getattr(request, "cache_versions", {})
    new = [tag for tag in tags if tag_key(tag) not in known]
    request.cache_versions = {**tag_versions(new), **known} if new else known


def tag_key(tag):
    # Hashed: a tag may carry a slug straight from the address a visitor typed.
    return "tag:" + hashlib.sha256(tag.encode()).hexdigest()[:40]


def invalidate(*tags):
    """Every stored page that shows one of ``tags`` is rendered again on its next request."""
    cache().set_many({tag_key(tag): time.time_ns() for tag in tags}, timeout=None)


def tag_versions(tags):
    """The current version of each tag, creating those the cache does not know (yet)."""
    keys = [tag_key(tag) for tag in tags]
    versions = cache().get_many(keys)
    missing = {key: time.time_ns() for key in keys if key not in versions}
    if missing:
        cache().set_many(missing, timeout=None)
    return {**versions, **missing}


@dataclass
class Entry:
    """A rendered page: its body plain and compressed, and what it depends on."""

    status: int
    headers: dict
    body: bytes
    gzipped: bytes
    etag: str
    last_modified: float
    versions: dict = field(default_factory=dict)

    @classmethod
    def from_response(cls, response, versions):
        body = response.content
        digest = hashlib.sha256(body).hexdigest()[:32]
        headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        return cls(
            status=response.status_code,
            headers=headers,
            body=body,
            gzipped=igzip.compress(body, compresslevel=COMPRESS_LEVEL, mtime=0),
            etag=f'"{digest}"',
            last_modified=time.time(),
            versions=versions,
        )

    def is_current(self):
        return not self.versions or cache().get_many(list(self.versions)) == self.versions

    def respond(self, request):
        compressed = "gzip" in request.headers.get("Accept-Encoding", "")
        etag = self.etag[:-1] + '-gzip"' if compressed else self.etag
        if etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
        else:
            body = self.gzipped if compressed else self.body
            response = HttpResponse(body, status=self.status)
            response["Content-Length"] = len(body)
            if compressed:
                response["Content-Encoding"] = "gzip"
        for name, value in self.headers.items():
            response[name] = value
        response["ETag"] = etag
        response["Last-Modified"] = http_date(self.last_modified)
        response["Cache-Control"] = f"public, max-age={settings.PAGE_CACHE_MAX_AGE}"
        patch_vary_headers(response, ["Accept-Encoding"])
        return response


def is_public_read(request):
    return (
        request.method in ("GET", "HEAD")
        and not is_admin(request)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def is_cacheable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
    )


def page_key(request):
    # The language choice (/) is the one page whose content follows Accept-Language.
    language = request.headers.get("Accept-Language", "")[:100] if request.path == "/" else ""
    raw = f"{request.get_full_path()}|{language}"
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_public_read(request):
            return self.get_response(request)
        key = page_key(request)
        entry = cache().get(key) if settings.PAGE_CACHE_ENABLED else None
        if entry is None or not entry.is_current():
            response = self.get_response(request)
            if not is_cacheable(response):
                return response
            entry = Entry.from_response(response, getattr(request, "cache_versions", {}))
            if settings.PAGE_CACHE_ENABLED:
                cache().set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        return entry.respond(request)
