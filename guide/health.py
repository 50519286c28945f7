"""Health answers for load balancers, containers and monitoring.

- ``/livez``: the process is up and answers (always 200). A load balancer decides
  with this one whether to send readers here: with the database or the cache down,
  the guide still serves the pages it holds and a readable 503 for the others, which
  is better than no answer at all.
- ``/healthz``: whether every part works, one line per part (``database: ok``,
  ``cache: unavailable`` …); 503 when one does not. For monitoring and alerts.

Both answer before host validation and HTTPS redirects: checks come from inside the
container or the private network, with an address as the Host.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse

#: The key the cache check writes and reads back.
PROBE_KEY = "healthz:probe"


def database_works():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def cache_works():
    try:
        cache = caches[settings.PAGE_CACHE_ALIAS]
        cache.set(PROBE_KEY, "ok", 10)
        return cache.get(PROBE_KEY) == "ok"
    except Exception:  # any backend's error means the same here: it does not work
        return False


def text_response(lines, status):
    return HttpResponse(
        "".join(f"{line}\n" for line in lines),
        status=status,
        content_type="text/plain; charset=utf-8",
        headers={"Cache-Control": "no-store"},
    )


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/livez":
            return text_response(["ok"], 200)
        if request.path_info == "/healthz":
            parts = {"database": database_works(), "cache": cache_works()}
            lines = [f"{part}: {'ok' if works else 'unavailable'}" for part, works in parts.items()]
            return text_response(lines, 200 if all(parts.values()) else 503)
        return self.get_response(request)
