"""Saving or deleting content refreshes exactly the cached pages that show it, and
what readers can find (``content/search.py``).

The tags are named in ``content/cache_tags.py``. A change to an organisation refreshes
the pages of its topics too: a topic page then checks one tag, not one per card, each
time it is served from the cache. A topic's or organisation's address can change (its
slug, or a topic becoming the background page): the pages of what it was before the
save are refreshed as well as those of what it is now. The versions are written in the
same transaction as the edit (``guide/page_cache.py``). Reverting a version
(django-reversion saves raw) sends the same signals.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from content import cache_tags, search
from content.models import (
    PUBLISHED,
    Organisation,
    SearchEntry,
    Section,
    SectionTranslation,
    Topic,
    TopicTranslation,
)
from guide.page_cache import invalidate


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


def topic_tags(topic, *, listed):
    return cache_tags.of_topic(topic.slug, topic.kind, listed=listed)


@receiver(pre_save, sender=Topic)
def remember_topic_address(sender, instance, **kwargs):
    """The pages that showed the topic as it is saved now, before this save, and
    whether readers could find it."""
    saved = Topic.objects.filter(pk=instance.pk).values_list("slug", "kind", "status").first()
    instance.tags_before_save = (
        cache_tags.of_topic(*saved[:2], listed=True) if instance.pk and saved else set()
    )
    instance.published_before_save = bool(saved) and saved[2] == PUBLISHED["status"]


@receiver(pre_save, sender=Organisation)
def remember_organisation_address(sender, instance, **kwargs):
    saved = Organisation.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    instance.tags_before_save = {cache_tags.organisation(saved)} if instance.pk and saved else set()


@receiver([post_save, post_delete], sender=Topic)
@receiver([post_save, post_delete], sender=TopicTranslation)
def topic_changed(sender, instance, **kwargs):
    """Title, summary, status, order, address: the topic's page and every list of topics."""
    topic = topic_of(instance)
    if topic is not None:
        invalidate(*topic_tags(topic, listed=True), *getattr(topic, "tags_before_save", ()))


@receiver([post_save, post_delete], sender=Section)
@receiver([post_save, post_delete], sender=SectionTranslation)
def question_changed(sender, instance, **kwargs):
    """A question is shown on its topic's page only."""
    topic = topic_of(instance)
    if topic is not None:
        invalidate(*topic_tags(topic, listed=False))


@receiver([post_save, pre_delete], sender=Organisation)
def organisation_changed(sender, instance, **kwargs):
    """Its page, the list, and the pages of the topics that show its card (read before
    a deletion takes the links away)."""
    tags = {cache_tags.organisation(instance.slug), cache_tags.ORGANISATIONS}
    tags |= getattr(instance, "tags_before_save", set())
    for topic in instance.topics.all():
        tags |= topic_tags(topic, listed=False)
    invalidate(*tags)


#: When a card appears on or disappears from topic pages: after links are added or
#: removed, and before they are all cleared, while what they linked is known.
CARD_CHANGES = {"post_add", "post_remove", "pre_clear"}


@receiver(m2m_changed, sender=Organisation.topics.through)
def organisation_topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A card appears on or disappears from topic pages, and an organisation's page
    gains or loses a topic — whichever side the link was changed from."""
    if action not in CARD_CHANGES:
        return
    if isinstance(instance, Organisation):
        organisations = [instance]
        topics = Topic.objects.filter(pk__in=pk_set) if pk_set else instance.topics.all()
    else:
        topics = [instance]
        organisations = (
            Organisation.objects.filter(pk__in=pk_set) if pk_set else instance.organisations.all()
        )
    tags = {cache_tags.ORGANISATIONS}
    tags |= {cache_tags.organisation(organisation.slug) for organisation in organisations}
    for topic in topics:
        tags |= topic_tags(topic, listed=False)
    invalidate(*tags)


# --- What readers can find ------------------------------------------------------------
# Deleting a topic, question or organisation deletes its entries with it (a foreign
# key); a deleted translation takes only its own entry, so that nothing is written
# while Django deletes what belongs to it.


@receiver(post_save, sender=Topic)
def topic_published_or_not(sender, instance, created, **kwargs):
    if created or instance.published_before_save != search.is_published(instance):
        search.index_topic(instance)


@receiver(post_save, sender=TopicTranslation)
def topic_text_saved(sender, instance, **kwargs):
    """Its title and summary, and the title its questions are found under."""
    topic = topic_of(instance)
    if topic is not None:
        search.index_topic(topic, [instance.language_code])


@receiver(post_delete, sender=TopicTranslation)
def topic_text_deleted(sender, instance, **kwargs):
    SearchEntry.objects.filter(
        topic_id=instance.master_id, section=None, language=instance.language_code
    ).delete()


@receiver(post_save, sender=SectionTranslation)
def answer_saved(sender, instance, **kwargs):
    search.index_question(instance.master, instance.language_code)


@receiver(post_delete, sender=SectionTranslation)
def answer_deleted(sender, instance, **kwargs):
    SearchEntry.objects.filter(
        section_id=instance.master_id, language=instance.language_code
    ).delete()


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance, **kwargs):
    search.index_organisation(instance)
