from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.xliff.exporting import ONLY, export
from guide.languages import CODES, SOURCE_LANGUAGE


class Command(BaseCommand):
    help = (
        "Write the guide's texts for translators into DIR: one XLIFF 1.2 file per topic and "
        "one for the organisations' descriptions, with the Dutch as source and the current "
        "translation in --language as target. Files already in DIR with the same names are "
        "replaced; others are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", type=Path)
        parser.add_argument(
            "--language",
            required=True,
            choices=[code for code in CODES if code != SOURCE_LANGUAGE],
            help="The language to translate into.",
        )
        parser.add_argument(
            "--only",
            choices=[state.value for state in ONLY],
            help="Only the texts that are missing, outdated or machine-assisted.",
        )

    def handle(self, *args, directory, language, only, **options):
        files = export(language, only=only)
        if not files:
            self.stdout.write(f"Nothing to translate into {language}: no file written.")
            return
        try:
            directory.mkdir(parents=True, exist_ok=True)
            for name, data in files.items():
                (directory / name).write_bytes(data)
        except OSError as error:
            raise CommandError(f"Could not write the files: {error}") from None
        self.stdout.write(f"Wrote {len(files)} file(s) to {directory}: {', '.join(files)}")
