"""Django's cache for the page cache, or nothing while it fails.

A cache is there to make pages faster; it must never make them fail. When the cache
backend raises (Redis refused the connection, timed out, ran out of memory), the page
is rendered without it, and the cache is left alone for ``CACHE_RETRY_SECONDS`` so
that readers do not each wait for it. One warning is logged when it stops answering
and one line when it answers again — per process, not per request. What it missed
meanwhile does no harm: whether a stored page is current is decided by the tags'
versions in the database (``guide/page_cache.py``), which an edit moves on even while
the cache is down.
"""

import logging
import time

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)


class GuardedCache:
    def __init__(self, alias):
        self.alias = alias
        self.resting_until = None  # while set, the cache failed and is not asked

    def get(self, key):
        return self._call("get", key)

    def set(self, key, value, timeout):
        self._call("set", key, value, timeout)

    def _call(self, method, *args):
        if self.resting_until is not None and time.monotonic() < self.resting_until:
            return None
        try:
            result = getattr(caches[self.alias], method)(*args)
        except Exception as error:  # any backend's error: connection, timeout, memory
            if self.resting_until is None:
                logger.warning(
                    "The page cache is not answering (%s); pages are rendered without it.",
                    type(error).__name__,
                )
            self.resting_until = time.monotonic() + settings.CACHE_RETRY_SECONDS
            return None
        if self.resting_until is not None:
            logger.info("The page cache answers again.")
            self.resting_until = None
        return result

    @property
    def available(self):
        return self.resting_until is None


guarded_cache = GuardedCache(settings.PAGE_CACHE_ALIAS)
