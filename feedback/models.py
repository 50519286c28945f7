from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Organisation, Topic
from guide.languages import LANGUAGES

#: The guide's languages, named in the admin's language.
LANGUAGE_CHOICES = [(language.code, _(language.name)) for language in LANGUAGES]
#: The longest report a reader can send.
MAX_LENGTH = 2000


def retention_cutoff():
    """The first day of reports still kept (``FEEDBACK_RETENTION_DAYS``)."""
    return timezone.localdate() - timedelta(days=settings.FEEDBACK_RETENTION_DAYS)


class ReportQuerySet(models.QuerySet):
    def past_retention(self):
        """Reports older than ``FEEDBACK_RETENTION_DAYS``: to be deleted."""
        return self.filter(received_on__lt=retention_cutoff())

    def waiting(self):
        """Reports kept and not yet handled."""
        return self.filter(handled=False, received_on__gte=retention_cutoff())


class Report(models.Model):
    """What a reader says is wrong or missing on a page.

    Only the page, its language, the text and the day: nothing about the reader (no
    address, no browser, no time of day). Deleted after ``FEEDBACK_RETENTION_DAYS``.
    """

    page = models.CharField(_("page"), max_length=200, help_text=_("The page's address."))
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    text = models.TextField(_("message"), max_length=MAX_LENGTH)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    handled = models.BooleanField(
        _("handled"), default=False, help_text=_("An editor has dealt with this report.")
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report from a reader")
        verbose_name_plural = _("reports from readers")
        ordering = ["handled", "-received_on", "-pk"]

    def __str__(self):
        return f"{self.page} ({self.received_on})"

    @property
    def subject(self):
        """What the report is about: the topic or organisation, if it still exists."""
        return self.topic or self.organisation
