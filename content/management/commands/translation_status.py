from django.core.management.base import BaseCommand, CommandError
from django.db.models import Prefetch

from content.freshness import State, matrix, organisation_state, topic_state
from content.models import Organisation, Section, Topic
from guide.languages import CODES

MARKS = {
    State.MISSING: "missing",
    State.OUTDATED: "OUTDATED",
    State.MACHINE: "machine",
    State.UP_TO_DATE: "ok",
}


class Command(BaseCommand):
    help = (
        "Print every topic and organisation × language with the state of its translation: "
        "missing, OUTDATED (the Dutch changed since), machine (machine-assisted, not yet "
        "checked by a person) or ok. With --strict, exit with an error if anything is "
        "missing or outdated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--strict", action="store_true", help="Fail if a translation is missing or outdated."
        )

    def handle(self, *args, strict, **options):
        topics = Topic.objects.prefetch_related(
            "translations", Prefetch("sections", queryset=Section.objects.with_translations())
        )
        rows = [
            *matrix(topics, topic_state),
            *matrix(Organisation.objects.order_by("slug"), organisation_state),
        ]
        if not rows:
            self.stdout.write("There is no content yet: run `manage.py load_content`.")
            return
        width = max(len(self._label(obj)) for obj, _states in rows)
        self.stdout.write(" ".join([" " * width, *(f"{code:<8}" for code in CODES)]).rstrip())
        for obj, states in rows:
            cells = (f"{MARKS[states[code]]:<8}" for code in CODES)
            self.stdout.write(" ".join([f"{self._label(obj):<{width}}", *cells]).rstrip())

        counts = {state: sum(list(s.values()).count(state) for _o, s in rows) for state in State}
        self.stdout.write(", ".join(f"{MARKS[state]}: {count}" for state, count in counts.items()))
        problems = counts[State.MISSING] + counts[State.OUTDATED]
        if strict and problems:
            raise CommandError(f"{problems} translation(s) missing or outdated.")

    @staticmethod
    def _label(obj):
        kind = "topic" if isinstance(obj, Topic) else "organisation"
        return f"{kind} {obj.slug}"
