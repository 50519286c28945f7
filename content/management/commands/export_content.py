from django.core.management.base import BaseCommand

from content.sync import DEFAULT_DATA_DIR, export


class Command(BaseCommand):
    help = (
        "Write the guide's topics and organisations from the database to text files, in "
        "the format load_content reads. Files of content no longer in the database are removed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", default=DEFAULT_DATA_DIR, help="Where to write.")

    def handle(self, *args, data_dir, **options):
        written, removed = export(data_dir)
        for path in removed:
            self.stdout.write(f"Removed {path}")
        self.stdout.write(f"Wrote {len(written)} files to {data_dir}, removed {len(removed)}.")
