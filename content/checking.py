"""Honest dates: where a page's text comes from, and whether a person checked it since.

Two dates, never confused. ``source_date`` is the date of the information a page was
written from (the City's document of 21 September 2021, for everything loaded from
it). ``last_checked`` is the day a person last checked the page against current
sources; it stays empty until someone has. A page never checked, or not checked for
``REVIEW_PERIOD_DAYS``, tells readers that things may have changed, and is listed as
overdue for the editors.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def source_date_field(help_text):
    return models.DateField(_("date of the source"), null=True, blank=True, help_text=help_text)


def last_checked_field(help_text):
    return models.DateField(_("last checked"), null=True, blank=True, help_text=help_text)


def review_cutoff():
    """Pages last checked before this date are overdue for checking."""
    return timezone.localdate() - datetime.timedelta(days=settings.REVIEW_PERIOD_DAYS)


def overdue():
    """The condition for a queryset: never checked, or not checked for too long."""
    return Q(last_checked__isnull=True) | Q(last_checked__lt=review_cutoff())


def is_overdue(item):
    """Readers of ``item``'s page are told that things may have changed since."""
    return item.last_checked is None or item.last_checked < review_cutoff()
