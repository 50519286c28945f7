from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.mirror import Mirror


class Command(BaseCommand):
    help = (
        "Writes the public guide, every page in every language, as static files into DIR: "
        "with relative links, to open from a folder or a zip file, or with --base-url, "
        "for a static web host."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="Where to write the copy.")
        parser.add_argument(
            "--base-url",
            default="",
            help="The address the copy will be served from, e.g. https://ngo.example/guide/; "
            "without it, links are relative.",
        )

    def handle(self, *args, directory, base_url, **options):
        if directory.exists() and any(directory.iterdir()):
            raise CommandError(f"{directory} is not empty: choose a new or empty folder.")
        mirror = Mirror(directory, base_url).export()
        if mirror.broken:
            raise CommandError(f"Links that lead nowhere: {', '.join(mirror.broken)}")
        form = f"for {base_url}" if base_url else "with relative links"
        self.stdout.write(f"Wrote {len(mirror.written)} files to {directory}, {form}.")
