"""The token in a report form, in place of Django's CSRF cookie: readers get no cookie.

It is signed for one page and says in which hour it was made, so a form is accepted
for ``FEEDBACK_FORM_HOURS`` after the page was rendered (a page may come from the page
cache or from a phone's saved pages), and a form made for one page cannot be posted
for another. The same page in the same hour carries the same token, so a page renders
the same bytes all hour long (ETags, the page cache and static copies rely on it).
"""

import time

from django.conf import settings
from django.core import signing

HOUR = 3600


def _signer(page):
    return signing.Signer(salt=f"feedback.report:{page}")


def _hour():
    return int(time.time() // HOUR)


def token_for(page):
    """The token for a form on the page at address ``page``."""
    return _signer(page).sign(str(_hour()))


def is_valid(token, page):
    """Whether ``token`` was made for ``page`` within the hours a form is accepted."""
    try:
        made = int(_signer(page).unsign(token))
    except (signing.BadSignature, ValueError):
        return False
    return 0 <= _hour() - made <= settings.FEEDBACK_FORM_HOURS
