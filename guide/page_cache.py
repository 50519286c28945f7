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


@dataclass(frozen=True)
class Variant:
    """A page's body as sent, plain or compressed, with the headers that go with it."""

    body: bytes
    headers: dict


#: The version of ``Entry``'s shape; a change to it needs a new number.
ENTRY_FORMAT = 2


@dataclass
class Entry:
    """A rendered page: its body plain and gzip-compressed, each with its headers worked
    out once, and what the page depends on."""

    status: int
    plain: Variant
    gzipped: Variant
    versions: dict = field(default_factory=dict)

    @classmethod
    def from_response(cls, response, versions):
        body = response.content
        gzipped = igzip.compress(body, compresslevel=COMPRESS_LEVEL, mtime=0)
        digest = hashlib.sha256(body).hexdigest()[:32]
        patch_vary_headers(response, ["Accept-Encoding"])
        shared = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        shared["Last-Modified"] = http_date()
        return cls(
            status=response.status_code,
            plain=Variant(body, {**shared, "ETag": f'"{digest}"'}),
            gzipped=Variant(
                gzipped, {**shared, "ETag": f'"{digest}-gzip"', "Content-Encoding": "gzip"}
            ),
            versions=versions,
        )

    def is_current(self):
        return not self.versions or cache().get_many(list(self.versions)) == self.versions

    def respond(self, request):
        accepts_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        variant = self.gzipped if accepts_gzip else self.plain
        headers = {
            **variant.headers,
            "Cache-Control": f"public, max-age={settings.PAGE_CACHE_MAX_AGE}",
        }
        if variant.headers["ETag"] in request.headers.get("If-None-Match", ""):
            return HttpResponseNotModified(headers=headers)
        headers["Content-Length"] = len(variant.body)
        return HttpResponse(variant.body, status=self.status, headers=headers)


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
    # The format is part of the key: a new release never reads a stored page it cannot use.
    return f"page{ENTRY_FORMAT}:" + hashlib.sha256(raw.encode()).hexdigest()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_public_read(request):
            return self.get_response(request)
        key = page_key(request) if settings.PAGE_CACHE_ENABLED else None
        entry = cache().get(key) if key else None
        if entry is None or not entry.is_current():
            response = self.get_response(request)
            if not is_cacheable(response):
                return response
            entry = Entry.from_response(response, getattr(request, "cache_versions", {}))
            if key:
                cache().set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        return entry.respond(request)
