"""The page cache: public pages stored whole, refreshed the moment an edit is saved,
and never the reason a page fails.

- **What is stored.** A public page (GET or HEAD, no editor's session, an allowed host)
  is kept in Django's cache — each process's memory by default, one Redis shared by
  all when ``REDIS_URL`` is set — plain and gzip-compressed, each with its ETag. The
  key names the scheme, host, path and query; views redirect queries they do not use
  to their clean address, so an unknown query string never becomes an entry. ``/``
  is keyed on the order of languages it shows (``languages.by_preference``).
- **How it is refreshed.** Views name what a page shows (``depends_on(request,
  cache_tags.topic(slug))``). Every tag has a version in the database
  (``guide.models.CacheTag``), moved on in the same transaction as the edit
  (``content/signals.py``). A stored page whose tags moved on is rendered again. The
  database is what every worker and instance share, so an edit reaches all of them on
  their next request, whichever cache holds the pages.
- **When a part fails.** A cache that does not answer is left alone for a few seconds
  and pages are rendered without it (``guide.cache_guard``). A database that does not
  answer while a stored page's tags are checked means that page is served as it is:
  an older answer is better than none (stale-if-error). Stored pages are kept
  ``PAGE_CACHE_STALE_SECONDS`` beyond the ``PAGE_CACHE_SECONDS`` they are served for.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags
from isal import igzip

from guide import languages
from guide.cache_guard import guarded_cache
from guide.middleware import is_admin
from guide.models import CacheTag

CACHEABLE_TYPES = ("text/html", "application/xml")
# ISA-L's gzip at level 2: a tenth of zlib's level-6 time for a slightly larger body;
# it is spent on every page not served from the cache (README, "Performance").
COMPRESS_LEVEL = 2
# What a stored page keeps of its response; the middleware around this one (security
# headers, CSP, Permissions-Policy) adds its headers to every response, cached or not.
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "Vary")


def depends_on(request, *tags):
    """Record that the page being rendered shows what ``tags`` name (``content.cache_tags``).

    Call it before reading what the tags stand for: the versions are read now, so an
    edit committed while the page renders makes the stored page stale, never current.
    Without the page cache nothing is stored, so nothing needs recording.
    """
    if not settings.PAGE_CACHE_ENABLED:
        return
    known = getattr(request, "cache_versions", {})
    new = [tag for tag in tags if tag not in known]
    request.cache_versions = {**tag_versions(new), **known} if new else known


def tag_versions(tags):
    """The current version of each tag; 0 for a tag nothing has moved on yet.

    Plain SQL: a page served from the cache runs this one query and nothing else.
    """
    if not tags:
        return {}
    table = connection.ops.quote_name(CacheTag._meta.db_table)
    sql = f"SELECT name, version FROM {table} WHERE name IN ({', '.join(['%s'] * len(tags))})"
    with connection.cursor() as cursor:
        cursor.execute(sql, list(tags))
        found = dict(cursor.fetchall())
    return {tag: found.get(tag, 0) for tag in tags}


def invalidate(*tags):
    """Every stored page that shows one of ``tags`` is rendered again on its next request.

    Written in the caller's transaction: if the edit is rolled back, so is this.
    """
    version = time.time_ns()
    CacheTag.objects.bulk_create(
        [CacheTag(name=tag, version=version) for tag in sorted(set(tags))],
        update_conflicts=True,
        unique_fields=["name"],
        update_fields=["version"],
    )


@dataclass(frozen=True)
class Variant:
    """A page's body as sent, plain or compressed, with the headers that go with it."""

    body: bytes
    headers: dict


#: The version of ``Entry``'s shape, part of every key; a change to it needs a new number.
ENTRY_FORMAT = 3


@dataclass
class Entry:
    """A rendered page: its body plain and gzip-compressed, each with its headers worked
    out once, what the page depends on, and when it was rendered."""

    status: int
    plain: Variant
    gzipped: Variant
    versions: dict
    stored_at: float

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
            stored_at=time.time(),
        )

    def is_current(self):
        """Young enough, and nothing it shows has changed since. Reads the database."""
        if time.time() - self.stored_at > settings.PAGE_CACHE_SECONDS:
            return False
        return tag_versions(list(self.versions)) == self.versions

    def respond(self, request):
        variant = self.gzipped if accepts_gzip(request) else self.plain
        headers = {
            **variant.headers,
            "Cache-Control": f"public, max-age={settings.PAGE_CACHE_MAX_AGE}",
        }
        if matches(request.headers.get("If-None-Match", ""), variant.headers["ETag"]):
            return HttpResponseNotModified(headers=headers)
        headers["Content-Length"] = len(variant.body)
        return HttpResponse(variant.body, status=self.status, headers=headers)


def accepts_gzip(request):
    """Whether ``Accept-Encoding`` allows gzip: named, or ``*``, with a quality above 0."""
    qualities = {}
    for part in request.headers.get("Accept-Encoding", "").split(","):
        coding, *parameters = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _equals, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        qualities[coding.lower()] = quality
    return qualities.get("gzip", qualities.get("*", 0.0)) > 0


def matches(if_none_match, etag):
    """``If-None-Match`` names ``etag`` (compared weakly, as RFC 9110 says) or is ``*``."""
    tags = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
    return "*" in tags or etag in tags


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


def page_key(request, host):
    """Everything that decides what the page says, and nothing else."""
    variant = request.META.get("QUERY_STRING", "")
    if request.path == "/":
        # The language choice lists the languages in the reader's order.
        preferred = languages.by_preference(request.headers.get("Accept-Language", ""))
        variant = ",".join(language.code for language in preferred)
    raw = f"{request.scheme}://{host}{request.path}?{variant}"
    return f"page{ENTRY_FORMAT}:" + hashlib.sha256(raw.encode()).hexdigest()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE_ENABLED and is_public_read(request)):
            return self.get_response(request)
        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # Django answers it further in (400)
        key = page_key(request, host)
        stored = guarded_cache.get(key)
        if stored is not None:
            try:
                if stored.is_current():
                    return stored.respond(request)
            except DatabaseError:
                return stored.respond(request)
        response = self.get_response(request)
        if is_cacheable(response):
            entry = Entry.from_response(response, getattr(request, "cache_versions", {}))
            timeout = settings.PAGE_CACHE_SECONDS + settings.PAGE_CACHE_STALE_SECONDS
            guarded_cache.set(key, entry, timeout)
            return entry.respond(request)
        if stored is not None and response.status_code == 503:
            return stored.respond(request)  # the database failed while rendering it anew
        return response
