"""Saving or deleting content refreshes exactly the cached pages that show it.

Tags (see ``guide/page_cache.py``): ``topic:<slug>`` for a topic's own page, with
the cards of its organisations; ``topics`` for pages listing topic titles (home,
filters, organisation pages, sitemap); ``about`` for the background page;
``organisation:<slug>`` for an organisation's page; ``organisations`` for the list.
A change to an organisation refreshes the pages of its topics too: a topic page then
checks one tag, not one per card, each time it is served from the cache. Reverting a
version (django-reversion saves raw) sends the same signals.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from content.models import Organisation, Section, SectionTranslation, Topic, TopicTranslation
from guide.page_cache import invalidate


def topic_tags(topic, *, listed):
    tags = {f"topic:{topic.slug}"}
    if topic.kind == Topic.Kind.ABOUT:
        tags.add("about")
    if listed:
        tags.add("topics")
    return tags


def after_commit(tags):
    """Invalidate now, and again once the change is committed.

    A page rendered in between may have read the old text; the second invalidation
    makes sure it is not served as current.
    """
    invalidate(*tags)
    transaction.on_commit(lambda: invalidate(*tags))


def topic_of(instance):
    """The topic whose page shows ``instance``, or None if it is being deleted too."""
    try:
        if isinstance(instance, Topic):
            return instance
        if isinstance(instance, TopicTranslation):
            return instance.master
        if isinstance(instance, Section):
            return instance.topic
        return instance.master.topic
    except (Topic.DoesNotExist, Section.DoesNotExist):
        return None


@receiver([post_save, post_delete], sender=Topic)
@receiver([post_save, post_delete], sender=TopicTranslation)
def topic_changed(sender, instance, **kwargs):
    """Title, summary, status, order: the topic's page and every list of topics."""
    topic = topic_of(instance)
    if topic is not None:
        after_commit(topic_tags(topic, listed=True))


@receiver([post_save, post_delete], sender=Section)
@receiver([post_save, post_delete], sender=SectionTranslation)
def question_changed(sender, instance, **kwargs):
    """A question is shown on its topic's page only."""
    topic = topic_of(instance)
    if topic is not None:
        after_commit(topic_tags(topic, listed=False))


@receiver([post_save, pre_delete], sender=Organisation)
def organisation_changed(sender, instance, **kwargs):
    """Its page, the list, and the pages of the topics that show its card (read before
    a deletion takes the links away)."""
    tags = {f"organisation:{instance.slug}", "organisations"}
    for topic in instance.topics.all():
        tags |= topic_tags(topic, listed=False)
    after_commit(tags)


#: When a card appears on or disappears from topic pages: after links are added or
#: removed, and before they are all cleared, while the topics that showed it are known.
CARD_CHANGES = {"post_add", "post_remove", "pre_clear"}


@receiver(m2m_changed, sender=Organisation.topics.through)
def organisation_topics_changed(sender, instance, action, pk_set, **kwargs):
    """A card appears on or disappears from topic pages."""
    if action not in CARD_CHANGES:
        return
    if isinstance(instance, Organisation):
        topics = Topic.objects.filter(pk__in=pk_set) if pk_set else instance.topics.all()
        tags = {f"organisation:{instance.slug}", "organisations"}
    else:
        topics = [instance]
        tags = {"organisations"}
    for topic in topics:
        tags |= topic_tags(topic, listed=False)
    after_commit(tags)
