from django.core.management.base import BaseCommand

from content import search
from content.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Builds what readers can search anew from the database. Saves keep it up to date "
        "by themselves; this is for content written around them (bulk loads, SQL)."
    )

    def handle(self, *args, **options):
        search.rebuild()
        self.stdout.write(f"{SearchEntry.objects.count()} texts can be found.")
