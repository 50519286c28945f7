from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Guide content")

    def ready(self):
        from content import signals  # noqa: F401  (connects the page cache's invalidation)

        post_migrate.connect(index_content_not_yet_searchable, sender=self)


def index_content_not_yet_searchable(sender, using, **kwargs):
    """A database that had content before search existed gets its index on migrating."""
    from content import search
    from content.models import SearchEntry, Topic

    if Topic.objects.using(using).exists() and not SearchEntry.objects.using(using).exists():
        search.rebuild()
