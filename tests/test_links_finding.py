"""Which links readers can follow, and where they are (links/finding.py)."""

import pytest

from content.models import Organisation, Section, Status, Topic
from guide.languages import CODES
from links.finding import Place, links_found, texts, web_links
from tests.factories import add_translation, make_section, make_topic

pytestmark = pytest.mark.django_db

CAK = "https://www.hetcak.nl/zakelijk/regelingen/onverzekerbare-vreemdelingen"


def test_links_are_read_as_the_markdown_renders_them():
    text = (
        "See [the City](https://www.amsterdam.nl/) or <http://example.org/a?b=1>.\n\n"
        "A [reference][ref], [the same again](https://www.amsterdam.nl/) and an "
        "[e-mail](mailto:info@example.org), [a phone](tel:112), an address merely "
        "written: https://plain.example/, ![an image](https://img.example/x.png), "
        "`[code](https://code.example/)`.\n\n"
        "[ref]: https://ref.example/page#part\n"
    )
    assert web_links(text) == [
        "https://www.amsterdam.nl/",
        "http://example.org/a?b=1",
        "https://ref.example/page#part",
    ]


def test_every_language_of_a_published_topic_and_every_organisation_is_read():
    found = links_found(texts())
    health = Topic.objects.get(slug="health-care")
    costs = Section.objects.get(topic=health, anchor="costs")
    cak = Organisation.objects.get(slug="cak")
    assert set(found[CAK]) == {
        Place("source_url", topic_id=health.pk),
        Place("website", organisation_id=cak.pk),
        *(Place("body", code, topic_id=health.pk, section_id=costs.pk) for code in CODES),
    }
    assert not any(url.startswith(("tel:", "mailto:")) for url in found)


def test_drafts_are_not_checked_but_their_links_can_be_changed():
    draft = make_topic("Concept", status=Status.DRAFT)
    add_translation(draft, "nl", intro="[x](https://draft.example/)")
    add_translation(draft, "en", title="Draft", summary="A draft.", intro="")
    make_section(draft, body="[y](https://draft.example/question)")
    assert "https://draft.example/" not in links_found(texts())
    every = links_found(texts(published_only=False))
    assert every["https://draft.example/"] == [Place("intro", "nl", topic_id=draft.pk)]
    assert "https://draft.example/question" in every


def test_an_organisation_description_is_read_in_each_language():
    cak = Organisation.objects.get(slug="cak")
    cak.description_es = "Ver [su página](https://es.example/)."
    cak.save()
    found = links_found(texts())
    assert found["https://es.example/"] == [Place("description", "es", organisation_id=cak.pk)]
