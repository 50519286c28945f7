import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from links import finding
from links.checking import Checker, Result
from links.models import LinkCheck


class Command(BaseCommand):
    help = (
        "Check every link to another site in published topics, their questions and the "
        "organisations, in every language, and store the results for the admin. Prints "
        "the links that do not work or moved and a summary; exits 0 either way (it is "
        "a report). Run it from cron or a systemd timer, never from a web request."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="Print nothing: the results are in the admin."
        )

    def handle(self, *args, quiet, **options):
        say = (lambda line: None) if quiet else self.stdout.write
        found = finding.links_found(finding.texts())
        started = time.monotonic()
        outcomes = Checker.from_settings().check_all(found)
        LinkCheck.objects.record(found, outcomes, timezone.now())
        links = LinkCheck.objects.needing_attention().prefetch_related(
            "occurrences__topic", "occurrences__section", "occurrences__organisation"
        )
        for link in links:
            say(f"{link.result:<11} {self.answer(link):<9} {link.url}")
            if link.final_url:
                say(f"{'':<21} -> {link.final_url}")
            for page in self.pages(link):
                say(f"{'':<21} on {page}")
        counts = dict.fromkeys(Result, 0)
        for outcome in outcomes.values():
            counts[outcome.result] += 1
        say(
            f"Checked {len(found)} links in {time.monotonic() - started:.1f} s: "
            + ", ".join(f"{count} {result.value}" for result, count in counts.items())
            + "."
        )

    @staticmethod
    def answer(link):
        if link.result == Result.UNREACHABLE:
            return link.reason
        if link.result == Result.REDIRECTED:
            return "permanent" if link.permanent else "temporary"
        return str(link.status)

    @staticmethod
    def pages(link):
        """``topic housing (question rent) nl, en`` for each page and field."""
        places = {}
        for place in link.occurrences.all():
            if place.organisation_id:
                page = f"organisation {place.organisation.slug}"
            else:
                page = f"topic {place.topic.slug}"
                if place.section_id:
                    page += f" (question {place.section.anchor})"
            places.setdefault(f"{page} {place.field}", []).append(
                place.language or "every language"
            )
        return [f"{page}: {', '.join(languages)}" for page, languages in places.items()]
