from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.models import Report


class Command(BaseCommand):
    help = (
        "Deletes readers' reports older than FEEDBACK_RETENTION_DAYS. (Sending a report "
        "and opening the inbox do it too; run it daily so it happens on quiet days.)"
    )

    def handle(self, *args, **options):
        deleted, _by_model = Report.objects.past_retention().delete()
        days = settings.FEEDBACK_RETENTION_DAYS
        self.stdout.write(f"Deleted {deleted} report(s) older than {days} days.")
