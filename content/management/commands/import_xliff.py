from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.xliff import documents
from content.xliff.importing import apply, check
from guide.languages import CODES, SOURCE_LANGUAGE


class Command(BaseCommand):
    help = (
        "Import translators' XLIFF files. Every file is checked first, and nothing is saved "
        "unless all of them pass: their language, their ids, empty translations, links, and "
        "whether the Dutch changed since they were exported (import those only with --force). "
        "Texts count as checked by a person only where a file says so (state translated, "
        "signed-off or final) or with --reviewed. One import is one revision of the history."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", metavar="FILE", nargs="+", type=Path)
        parser.add_argument(
            "--language",
            choices=[code for code in CODES if code != SOURCE_LANGUAGE],
            help="Refuse files in any other language.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Import texts whose Dutch changed since the export; they stay outdated.",
        )
        parser.add_argument(
            "--reviewed",
            action="store_true",
            help="A person checked every text in these files, whatever their states say.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, but change nothing."
        )

    def handle(self, *args, files, language, force, reviewed, dry_run, **options):
        read, unreadable = [], []
        for path in files:
            try:
                read.append(documents.read(path.name, path.read_bytes()))
            except (OSError, documents.DocumentError) as error:
                unreadable.append(f"{path}: {error}")
        if unreadable:
            raise CommandError("Nothing was imported.\n" + "\n".join(unreadable))
        result = check(read, language=language, reviewed=reviewed)
        for problem in result.problems:
            self.stderr.write(str(problem))
        if result.errors:
            raise CommandError(f"Nothing was imported: {len(result.errors)} problem(s) to fix.")
        if result.stale and not force:
            raise CommandError(
                "Nothing was imported: the Dutch changed since these texts were exported. "
                "Translate the new Dutch, or import them anyway with --force (they then stay "
                "marked outdated)."
            )
        summary = f"{result.imported} text(s) in {result.language}, {result.unchanged} unchanged"
        if dry_run:
            self.stdout.write(f"Dry run, nothing saved: would import {summary}.")
            return
        apply(result, force=force, who="manage.py import_xliff")
        self.stdout.write(f"Imported {summary}.")
