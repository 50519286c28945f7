from django.core.management.base import BaseCommand, CommandError

from content.files import ContentFileError
from content.sync import DEFAULT_DATA_DIR, load


class Command(BaseCommand):
    help = (
        "Load the guide's topics and organisations from content/data into the database. "
        "Running it twice changes nothing. What an editor changed in the admin since the "
        "last load is skipped, unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", default=DEFAULT_DATA_DIR, help="Where the files are.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, but change nothing."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite what editors changed in the database, and list what was replaced.",
        )

    def handle(self, *args, data_dir, dry_run, force, **options):
        try:
            report = load(data_dir, force=force, dry_run=dry_run)
        except ContentFileError as error:
            raise CommandError(f"Nothing was loaded. Fix this file first: {error}") from None
        for key, reason in report.skipped:
            self.stdout.write(f"Skipped {key}: {reason}. Use --force to overwrite it.")
        for key in report.replaced:
            self.stdout.write(
                self.style.WARNING(f"Replaced {key}: an editor's change was overwritten.")
            )
        prefix = "Dry run, nothing saved: would have " if dry_run else ""
        self.stdout.write(
            f"{prefix}created {len(report.created)}, updated {len(report.updated)}, "
            f"replaced {len(report.replaced)}, unchanged {len(report.unchanged)}, "
            f"skipped {len(report.skipped)}."
        )
