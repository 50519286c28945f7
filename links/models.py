"""The last check of each link to another site, and where the guide links to it.

``manage.py check_links`` writes both, in one transaction at the end of a run; nothing
else asks other sites anything. Each run replaces the places, so a link no longer in
any text disappears with the run after it was removed.
"""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from content.models import Organisation, Section, Topic
from links.checking import FAILING, Reason, Result
from links.finding import MAX_URL_LENGTH


class LinkCheckQuerySet(models.QuerySet):
    def needing_attention(self):
        """Broken, unreachable and redirected links: what does not work first."""
        moved = models.Case(models.When(result=Result.REDIRECTED, then=1), default=0)
        return self.filter(result__in=[*FAILING, Result.REDIRECTED]).order_by(moved, "url")

    def with_places(self):
        return self.prefetch_related(
            "occurrences__topic__translations",
            "occurrences__section__translations",
            "occurrences__organisation",
        )

    @transaction.atomic
    def record(self, found, outcomes, checked_at):
        """Store a run: ``found`` is ``{address: [Place, …]}``, ``outcomes`` is
        ``{address: Outcome}`` for the same addresses."""
        known = {link.url: link for link in self.all()}
        self.filter(pk__in=[link.pk for url, link in known.items() if url not in found]).delete()
        LinkOccurrence.objects.all().delete()
        occurrences = []
        for url, places in found.items():
            link = known.get(url) or LinkCheck(url=url)
            link.take(outcomes[url], checked_at)
            link.save()
            occurrences += [LinkOccurrence.at(link, place) for place in dict.fromkeys(places)]
        LinkOccurrence.objects.bulk_create(occurrences)


class LinkCheck(models.Model):
    """One address the guide links to, as it answered the last time it was checked."""

    url = models.CharField(
        _("address"),
        max_length=MAX_URL_LENGTH,
        unique=True,
        help_text=_("The address as the texts link to it."),
    )
    result = models.CharField(
        _("result"),
        max_length=20,
        choices=Result.choices,
        help_text=_(
            "Works: the page opened. Redirected: it opened at another address. Broken: the "
            "site answered with an error. Unreachable: the site did not answer."
        ),
    )
    status = models.PositiveSmallIntegerField(
        _("HTTP status"),
        null=True,
        blank=True,
        help_text=_("The site's answer: 200 is fine, 404 means the page is gone, 5xx a fault."),
    )
    final_url = models.CharField(
        _("redirects to"),
        max_length=MAX_URL_LENGTH,
        blank=True,
        help_text=_("Where the link ends up after the site's redirects."),
    )
    permanent = models.BooleanField(
        _("permanent redirect"),
        default=False,
        help_text=_(
            "The site says the page has moved for good: put the new address in the texts. "
            "A temporary redirect is often fine to keep."
        ),
    )
    reason = models.CharField(
        _("why unreachable"), max_length=20, choices=Reason.choices, blank=True
    )
    detail = models.CharField(
        _("details"),
        max_length=300,
        blank=True,
        help_text=_("The error as the network reported it, for whoever looks into it."),
    )
    checked_at = models.DateTimeField(_("checked at"))
    failing_since = models.DateTimeField(
        _("not working since"),
        null=True,
        blank=True,
        help_text=_(
            "When the checks began to find it broken or unreachable, with no check since "
            "that found it working. A site that is down for an hour works again at the "
            "next check."
        ),
    )

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        ordering = ["url"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.url

    @property
    def failing(self):
        return self.result in FAILING

    def summary(self):
        """The result in a few words, with the status or the reason."""
        if self.result == Result.UNREACHABLE:
            reason = self.get_reason_display() or Reason.OTHER.label
            # Translators: a link's result and why, e.g. "unreachable: connection refused".
            return _("%(result)s: %(reason)s") % {
                "result": self.get_result_display(),
                "reason": reason,
            }
        if self.result == Result.REDIRECTED:
            return _("redirected for good") if self.permanent else _("redirected for now")
        # Translators: a link's result and the site's HTTP status, e.g. "broken (404)".
        return _("%(result)s (%(status)s)") % {
            "result": self.get_result_display(),
            "status": self.status,
        }

    def take(self, outcome, checked_at):
        """Record ``outcome``, the answer at ``checked_at``."""
        failing_before = self.pk is not None and self.failing
        self.result = outcome.result
        self.status = outcome.status
        self.final_url = outcome.final_url
        self.permanent = outcome.permanent
        self.reason = outcome.reason
        self.detail = outcome.detail
        self.checked_at = checked_at
        if outcome.result not in FAILING:
            self.failing_since = None
        elif not failing_before or self.failing_since is None:
            self.failing_since = checked_at


class LinkOccurrence(models.Model):
    """A field that links to a ``LinkCheck``'s address, as the last run found it."""

    link = models.ForeignKey(
        LinkCheck, related_name="occurrences", on_delete=models.CASCADE, verbose_name=_("link")
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("topic")
    )
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("question")
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("organisation"),
    )
    field = models.CharField(_("field"), max_length=40)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("Empty: every language.")
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("place of a link")
        verbose_name_plural = _("places of links")

    def __str__(self):
        return f"{self.link} ({self.field}, {self.language or '*'})"

    @classmethod
    def at(cls, link, place):
        return cls(
            link=link,
            topic_id=place.topic_id,
            section_id=place.section_id,
            organisation_id=place.organisation_id,
            field=place.field,
            language=place.language,
        )
