"""What a topic page reads with plain SQL: the same facts the models hold, typed alike
on SQLite and PostgreSQL."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from content import reading
from content.models import Status, Topic
from tests.factories import add_translation, make_organisation, make_section, make_topic

pytestmark = pytest.mark.django_db


def test_a_topic_comes_with_its_texts_in_every_language_it_has():
    topic, texts = reading.topic(slug="health-care", status=Status.PUBLISHED)
    stored = Topic.objects.get(slug="health-care")
    assert topic == stored and topic.last_checked == stored.last_checked
    assert set(texts) == {row.language_code for row in stored.translations.all()}
    assert texts["ar"].title == stored.translations.get(language_code="ar").title


def test_dates_and_booleans_are_python_values_on_every_database():
    topic = make_topic("Getypt")
    add_translation(topic, "en", title="Typed", summary="Yes.", machine_translated=True)
    topic.set_current_language("nl")
    topic.title = "Getypt, nu met een nieuwe versie"
    topic.save()  # a change to the Dutch text dates it
    _topic, texts = reading.topic(slug=topic.slug)
    assert texts["en"].machine_translated is True
    assert texts["nl"].machine_translated is False
    assert isinstance(texts["nl"].changed_on, datetime.date)


def test_a_topic_that_does_not_meet_the_conditions_is_not_read():
    draft = make_topic("Concept", status=Status.DRAFT)
    assert reading.topic(slug=draft.slug, status=Status.PUBLISHED) == (None, {})
    assert reading.topic(slug=draft.slug)[0] == draft


def test_questions_come_in_order_each_in_the_first_language_of_the_chain():
    topic = make_topic("Volgorde")
    later = make_section(topic, "Later?", anchor="later", position=2)
    make_section(topic, "Eerst?", anchor="first", position=1)
    add_translation(later, "en", heading="Later in English?", body="Yes.")
    with translation.override("ar"):
        shown = reading.answers(topic, "ar")  # Arabic → English → Dutch
        url = shown[0][0].get_absolute_url()
    assert [
        (question.anchor, answer.heading, answer.language_code) for question, answer in shown
    ] == [
        ("first", "Eerst?", "nl"),
        ("later", "Later in English?", "en"),
    ]
    assert url == f"/ar/topics/{topic.slug}/#first"


def test_organisations_are_read_by_name_with_their_addresses_in_one_query():
    topic = make_topic("Hulp")
    make_organisation("Zeta", topics=[topic])
    make_organisation("Alpha", topics=[topic], slug="alpha")
    with CaptureQueriesContext(connection) as queries, translation.override("nl"):
        listings = reading.topic_listings(topic, "nl")
    assert len(queries) == 1
    assert [listing.name for listing in listings] == ["Alpha", "Zeta"]
    assert listings[0].url == "/nl/organisations/alpha/"
    with translation.override("ar"):  # the address in the active language, as a model's
        assert listings[0].get_absolute_url() == "/ar/organisations/alpha/"


def test_the_list_of_topics_is_read_in_order_in_one_query_drafts_left_out():
    make_topic("Concept", status=Status.DRAFT, slug="a-draft", position=0)
    Topic.objects.get(slug="housing").delete_translation("ar")
    with CaptureQueriesContext(connection) as queries, translation.override("ar"):
        summaries = reading.topic_summaries("ar")
    assert len(queries) == 1
    published = Topic.objects.published().listed()
    assert [summary.slug for summary in summaries] == [topic.slug for topic in published]
    housing = next(summary for summary in summaries if summary.slug == "housing")
    assert housing.url == "/ar/topics/housing/"
    assert (housing.shown.language_code, housing.shown.title) == ("en", "Housing")


def test_of_several_topics_that_meet_the_conditions_the_first_in_order_is_read():
    first = make_topic("Eerste", position=1, kind=Topic.Kind.ABOUT)
    add_translation(first, "en", title="First", summary="One.")
    make_topic("Tweede", position=2, kind=Topic.Kind.ABOUT)
    Topic.objects.filter(kind=Topic.Kind.ABOUT).exclude(pk__in=[first.pk]).update(position=2)
    topic, texts = reading.topic(status=Status.PUBLISHED, kind=Topic.Kind.ABOUT)
    assert topic == first
    assert {code: text.title for code, text in texts.items()} == {"nl": "Eerste", "en": "First"}


def test_only_the_topics_own_columns_can_be_named():
    with pytest.raises(ValueError, match="Not a column"):
        reading.topic(**{"status = 'draft' OR topic.slug": "x"})


@pytest.mark.parametrize("language", ["nl", "en", "ar", "tl"])
def test_the_plain_sql_reads_what_the_orm_reads_for_every_topic(language):
    """The read path and the models cannot drift apart: every published topic, its
    texts and its questions, in the language and fallbacks a reader gets."""
    from content.fallbacks import pick, pick_translation
    from content.models import PUBLISHED

    for stored in Topic.objects.filter(**PUBLISHED).with_translations():
        topic, texts = reading.topic(slug=stored.slug, **PUBLISHED)
        assert topic == stored
        sql_text, orm_text = (
            pick(texts, language, topic),
            pick_translation(stored, language),
        )
        assert (sql_text.title, sql_text.summary, sql_text.intro_html) == (
            orm_text.title,
            orm_text.summary,
            orm_text.intro_html,
        )
        assert (sql_text.language_code, sql_text.machine_translated, sql_text.outdated) == (
            orm_text.language_code,
            orm_text.machine_translated,
            orm_text.outdated,
        )
        by_orm = [
            (section.anchor, pick_translation(section, language))
            for section in stored.sections.prefetch_related("translations")
        ]
        by_sql = reading.answers(topic, language)
        assert [question.anchor for question, _answer in by_sql] == [
            anchor for anchor, _answer in by_orm
        ]
        for (_question, sql_answer), (_anchor, orm_answer) in zip(by_sql, by_orm, strict=True):
            assert (sql_answer.heading, sql_answer.body_html, sql_answer.language_code) == (
                orm_answer.heading,
                orm_answer.body_html,
                orm_answer.language_code,
            )
        listed = [listing.slug for listing in reading.topic_listings(topic, language)]
        assert listed == list(
            stored.organisations.order_by("name", "id").values_list("slug", flat=True)
        )
