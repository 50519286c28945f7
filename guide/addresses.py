"""``reverse()``, remembered.

Reversing walks the URLconf and costs about as much as rendering a small block of a
page, and a topic page links to a dozen organisations. A view's address depends only
on its name and arguments, the active language (the ``/nl/`` prefix), the script
prefix and the URLconf, so each combination is reversed once per process.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def address(view_name, **kwargs):
    """The path of ``view_name`` with ``kwargs``, as ``reverse()`` gives it."""
    return _address(view_name, tuple(kwargs.items()), *_context())


def addresses(targets):
    """``address()`` of each ``(view_name, kwargs)``, looking the context up once."""
    context = _context()
    return [_address(name, tuple(kwargs.items()), *context) for name, kwargs in targets]


def _context():
    # Each of these is a context-local lookup: not free, on a page with many links.
    return get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF


@functools.lru_cache(maxsize=8192)
def _address(view_name, kwargs, language, script_prefix, urlconf):
    return reverse(view_name, urlconf=urlconf, kwargs=dict(kwargs))
