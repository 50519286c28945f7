"""Asking other sites whether the guide's links still work.

Only ``manage.py check_links`` calls this, never a request: a site that hangs must
hold up a command, not a reader. It uses the standard library alone and touches no
database, so its threads need no connection of their own.

Each address is asked once per run, however many pages link to it, and politely: a
``User-Agent`` that names the guide and where to find it, a short timeout, at most
``LINK_CHECK_PER_HOST`` requests at a time to one host and ``LINK_CHECK_WORKERS`` in
all. A ``HEAD`` request comes first: it costs the site nothing but headers. Servers
that handle ``HEAD`` badly answer it with 405 or 501, and some with 403, 404 or 500
for a page that opens fine, so any error status (or a connection closed without an
answer) is asked again with ``GET``, whose body is never read: a link is only broken
when the page a reader would open fails. Redirects are followed one hop at a time
(at most ``MAX_REDIRECTS``), to record where they end and whether any hop was
permanent (301, 308).
"""

import contextlib
import http.client
import itertools
import socket
import ssl
import threading
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from urllib.parse import quote, urldefrag, urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = {"http", "https"}
REDIRECTS = {301, 302, 303, 307, 308}
PERMANENT_REDIRECTS = {301, 308}
MAX_REDIRECTS = 5
#: Characters a ``Location`` may hold as they are; anything else is percent-encoded,
#: as browsers do (a space, a letter with an accent).
URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"


class Result(models.TextChoices):
    OK = "ok", _("works")
    REDIRECTED = "redirected", _("redirected")
    BROKEN = "broken", _("broken")
    UNREACHABLE = "unreachable", _("unreachable")


#: The results that mean a reader does not get the page.
FAILING = {Result.BROKEN, Result.UNREACHABLE}


class Reason(models.TextChoices):
    """Why no answer came (for ``Result.UNREACHABLE``)."""

    TIMEOUT = "timeout", _("no answer in time")
    REFUSED = "refused", _("connection refused")
    NO_HOST = "no-host", _("host name not found")
    TLS = "tls", _("secure connection failed")
    REDIRECTS = "redirects", _("too many redirects")
    OTHER = "other", _("connection failed")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What asking one address gave."""

    result: str
    status: int | None = None  # the last HTTP status, if an answer came
    final_url: str = ""  # where redirects ended, if there were any
    permanent: bool = False  # whether a redirect on the way was permanent
    reason: str = ""  # a ``Reason``, when unreachable
    detail: str = ""  # the error as the network library put it, for the curious


class TooManyRedirects(Exception):
    pass


class NotAWebAddress(Exception):
    """A redirect led somewhere a browser would not open as a page."""


class _OwnRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back to the checker, which follows it hop by hop."""

    def redirect_request(self, *args, **kwargs):
        return None


def user_agent():
    site = settings.SITE_URL
    return f"AmsterdamGuideLinkChecker/1.0 (+{site})" if site else "AmsterdamGuideLinkChecker/1.0"


def host_of(url):
    return (urlsplit(url).hostname or "").lower()


def encoded(url):
    """``url`` with characters that cannot travel in a request line percent-encoded."""
    parts = urlsplit(url)
    return urlunsplit(
        parts._replace(
            path=quote(parts.path, safe=URL_SAFE),
            query=quote(parts.query, safe=URL_SAFE),
            fragment=quote(parts.fragment, safe=URL_SAFE),
        )
    )


def next_hop(current, location):
    """The address a ``Location`` header sends to, relative or not."""
    target = encoded(urljoin(current, location.strip()))
    if urlsplit(target).scheme not in WEB_SCHEMES:
        raise NotAWebAddress(target)
    return target


def unreachable(error):
    """The ``Outcome`` of a request that got no usable answer."""
    cause = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(error, TooManyRedirects):
        reason = Reason.REDIRECTS
    elif isinstance(cause, TimeoutError):
        reason = Reason.TIMEOUT
    elif isinstance(cause, ConnectionRefusedError):
        reason = Reason.REFUSED
    elif isinstance(cause, socket.gaierror):
        reason = Reason.NO_HOST
    elif isinstance(cause, ssl.SSLError):  # certificates included
        reason = Reason.TLS
    else:
        reason = Reason.OTHER
    detail = str(cause) or type(cause).__name__
    return Outcome(Result.UNREACHABLE, reason=reason, detail=detail[:300])


class HostLimits:
    """At most ``per_host`` requests at a time to any one host."""

    def __init__(self, per_host):
        self.per_host = per_host
        self._lock = threading.Lock()
        self._slots = {}

    @contextlib.contextmanager
    def slot(self, url):
        host = host_of(url)
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with semaphore:
            yield


class Checker:
    def __init__(self, *, timeout, per_host, workers, agent):
        self.timeout = timeout
        self.workers = workers
        self.limits = HostLimits(per_host)
        self.headers = {"User-Agent": agent, "Accept": "text/html,*/*;q=0.8"}
        # No cookies, and redirects handed back; proxies from the environment still apply.
        self.opener = urllib.request.build_opener(_OwnRedirects)

    @classmethod
    def from_settings(cls):
        limits = (
            settings.LINK_CHECK_TIMEOUT,
            settings.LINK_CHECK_PER_HOST,
            settings.LINK_CHECK_WORKERS,
        )
        if min(limits) <= 0:
            raise ImproperlyConfigured(
                "LINK_CHECK_TIMEOUT, LINK_CHECK_PER_HOST and LINK_CHECK_WORKERS must be above 0."
            )
        return cls(
            timeout=settings.LINK_CHECK_TIMEOUT,
            per_host=settings.LINK_CHECK_PER_HOST,
            workers=settings.LINK_CHECK_WORKERS,
            agent=user_agent(),
        )

    def ask(self, url, method):
        """One request: its status and ``Location`` header. The body is never read."""
        request = urllib.request.Request(url, method=method, headers=self.headers)
        with self.limits.slot(url):
            try:
                response = self.opener.open(request, timeout=self.timeout)
            except urllib.error.HTTPError as error:
                response = error  # an answer all the same: 3xx, 4xx or 5xx
            with contextlib.closing(response):
                return response.getcode(), response.headers.get("Location")

    def follow(self, url, method):
        """``(status, final address, redirected, permanent)`` at the end of the redirects."""
        current, permanent = url, False
        for hops in itertools.count():
            status, location = self.ask(current, method)
            if status not in REDIRECTS or not location:
                return status, current, hops > 0, permanent
            if hops == MAX_REDIRECTS:
                raise TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")
            permanent = permanent or status in PERMANENT_REDIRECTS
            current = next_hop(current, location)

    def check(self, url):
        """The ``Outcome`` of one address (without its #fragment)."""
        try:
            try:
                answer = self.follow(encoded(url), "HEAD")
            except (http.client.RemoteDisconnected, http.client.BadStatusLine):
                answer = None  # a server that drops HEAD: ask as a browser would
            if answer is None or answer[0] >= 400:
                answer = self.follow(encoded(url), "GET")
        except (TooManyRedirects, NotAWebAddress, OSError, http.client.HTTPException) as error:
            return unreachable(error)
        except ValueError as error:  # an address urllib cannot even send
            return Outcome(Result.UNREACHABLE, reason=Reason.OTHER, detail=str(error)[:300])
        status, final, redirected, permanent = answer
        if 200 <= status < 300:
            result = Result.REDIRECTED if redirected else Result.OK
        else:
            result = Result.BROKEN
        return Outcome(result, status, final if redirected else "", permanent)

    def check_all(self, urls):
        """``{url: Outcome}`` for every address in ``urls``, each asked once.

        Addresses that differ only in their #fragment are one request. The order
        takes hosts in turn, so that the pool's workers seldom wait for a host's slot.
        """
        pages = list(dict.fromkeys(urldefrag(url).url for url in urls))
        by_host = defaultdict(list)
        for page in pages:
            by_host[host_of(page)].append(page)
        order = [
            page
            for turn in itertools.zip_longest(*by_host.values())
            for page in turn
            if page is not None
        ]
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            asked = dict(zip(order, pool.map(self.check, order), strict=True))
        return {url: with_fragment(asked[urldefrag(url).url], url) for url in urls}


def with_fragment(outcome, url):
    """A redirect keeps the #fragment of the link when its target names none (as
    browsers do), so an accepted redirect still opens at the same place."""
    fragment = urldefrag(url).fragment
    if not outcome.final_url or not fragment or urldefrag(outcome.final_url).fragment:
        return outcome
    return replace(outcome, final_url=f"{outcome.final_url}#{fragment}")
