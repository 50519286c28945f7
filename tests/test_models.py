import pytest
from django.core.exceptions import ValidationError

from content.models import Section, Status, Topic
from tests.factories import make_section, make_topic

pytestmark = pytest.mark.django_db


def test_published_leaves_out_drafts():
    draft = make_topic("Concept", status=Status.DRAFT)
    published = make_topic("Klaar")
    assert published in Topic.objects.published()
    assert draft not in Topic.objects.published()


def test_listed_leaves_out_the_background_page():
    assert not Topic.objects.listed().filter(kind=Topic.Kind.ABOUT).exists()
    assert Topic.objects.filter(kind=Topic.Kind.ABOUT).count() == 1


def test_a_new_topic_has_not_been_checked_yet():
    topic = make_topic()
    assert topic.last_checked is None and topic.source_date is None


def test_a_saved_answer_stores_its_sanitised_html():
    section = make_section(
        make_topic(), body="Ga naar [de huisarts](https://example.org).\n\n<script>x</script>"
    )
    section.refresh_from_db()
    html = section.translations.get(language_code="nl").body_html
    assert '<a href="https://example.org" rel="noreferrer">de huisarts</a>' in html
    assert "<script>" not in html


def test_newlines_from_a_browser_are_stored_as_in_files():
    section = make_section(make_topic(), body="Eén.\r\n\r\nTwee.")
    assert section.translations.get(language_code="nl").body == "Eén.\n\nTwee."


def test_an_answer_may_not_use_the_pages_own_heading_levels():
    section = make_section(make_topic())
    translation = section.translations.get(language_code="nl")
    translation.body = "## Nog een vraag"
    with pytest.raises(ValidationError, match="###"):
        translation.full_clean()


def test_an_anchor_may_not_take_an_id_the_layout_uses():
    section = Section(topic=make_topic(), anchor="main")
    with pytest.raises(ValidationError) as error:
        section.full_clean()
    assert "anchor" in error.value.message_dict


def test_anchors_are_unique_per_topic_only():
    first, second = make_topic(), make_topic()
    make_section(first, anchor="costs")
    make_section(second, anchor="costs")
    with pytest.raises(ValidationError):
        Section(topic=first, anchor="costs").full_clean()


def test_links_point_to_the_page_and_to_the_question():
    topic = Topic.objects.get(slug="health-care")
    assert topic.get_absolute_url() == "/en/topics/health-care/"
    assert topic.sections.get(anchor="costs").get_absolute_url() == "/en/topics/health-care/#costs"
    assert Topic.objects.get(kind=Topic.Kind.ABOUT).get_absolute_url() == "/en/about/"
