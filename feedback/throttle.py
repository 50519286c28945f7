"""How many reports one connection may send, without keeping its address.

A count per connection for one hour, in the cache (each process's memory, or the Redis
all instances share when ``REDIS_URL`` is set; both forget on their own). The count is
filed under a keyed hash of the address, never the address: the key is a random secret
made for the day, kept only in the same cache and forgotten at the end of the day, after
which nobody can tell whose count was whose. A cache that fails lets reports through:
the form's limits and honeypot still apply, and a report must never be lost to it.
"""

import hashlib
import hmac
import logging
import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

from guide.client_address import client_address

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 3600


def allows(request):
    """Count a report from ``request``'s connection; whether it is within the limit."""
    try:
        cache = caches[settings.FEEDBACK_CACHE_ALIAS]
        key = "feedback:count:" + fingerprint(cache, client_address(request))
        count = 1 if cache.add(key, 1, WINDOW_SECONDS) else increment(cache, key)
    except Exception as error:  # any backend's error: connection, timeout, memory
        logger.warning("Reports are not counted: the cache fails (%s).", type(error).__name__)
        return True
    return count <= settings.FEEDBACK_REPORTS_PER_HOUR


def increment(cache, key):
    try:
        return cache.incr(key)
    except ValueError:  # the hour ran out between add() and incr()
        cache.add(key, 1, WINDOW_SECONDS)
        return 1


def fingerprint(cache, address):
    """``address`` as a keyed hash under today's secret."""
    now = timezone.localtime()
    name = f"feedback:secret:{now.date().isoformat()}"
    end_of_day = datetime.combine(now.date() + timedelta(days=1), time(), now.tzinfo)
    cache.add(name, secrets.token_hex(32), int((end_of_day - now).total_seconds()) + 1)
    # A full memory cache may have dropped it already; a new one only splits a count.
    secret = cache.get(name) or secrets.token_hex(32)
    return hmac.new(secret.encode(), address.encode(), hashlib.sha256).hexdigest()
