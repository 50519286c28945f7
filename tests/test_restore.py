"""The restore drill: the content files are the guide's backup.

A database with editors' work in it is exported, the content is emptied out, and the
export is loaded back: every public page, in every language, is the same as before.
"""

import datetime

import pytest
from django.utils import timezone

from content.models import LoadRecord, Organisation, Section, Status, Topic
from content.sync import export, load
from guide.languages import CODES
from tests.factories import make_organisation, make_section, make_topic
from tests.pages import public_paths

pytestmark = pytest.mark.django_db


def editors_work():
    """What editors do in the admin: text, checks, details, new pages, drafts."""
    answer = Section.objects.get(topic__slug="housing", anchor="social-housing")
    dutch = answer.translations.get(language_code="nl")
    dutch.body = "Nee. Ongedocumenteerden hebben geen recht op een sociale huurwoning."
    dutch.save()
    Topic.objects.get(slug="education").mark_checked("en")
    Topic.objects.filter(slug="health-care").update(last_checked=timezone.localdate())
    Organisation.objects.filter(slug="kruispost").update(
        phone="020 123 4567", address="Oudezijds Achterburgwal 100\n1012 DS Amsterdam"
    )
    topic = make_topic("Nieuw onderwerp", slug="new-topic", source_date=datetime.date(2026, 11, 1))
    make_section(topic, "Een vraag?", "Het antwoord, met [een link](https://example.org/).")
    make_organisation("Nieuwe organisatie", topics=[topic], website="https://example.org/")
    make_topic("Concept", slug="draft-topic", status=Status.DRAFT)


def every_page(client):
    pages = {}
    for language in CODES:
        for path in [*public_paths(language), f"/{language}/topics/new-topic/"]:
            response = client.get(path)
            pages[path] = (response.status_code, response.content.decode())
    return pages


def test_an_export_loaded_into_an_emptied_database_serves_the_same_pages(
    client, tmp_path, settings
):
    settings.PAGE_CACHE_ENABLED = False
    editors_work()
    before = every_page(client)
    assert before["/nl/topics/new-topic/"][0] == 200

    export(tmp_path)
    Organisation.objects.all().delete()
    Topic.objects.all().delete()
    LoadRecord.objects.all().delete()
    assert client.get("/nl/topics/housing/").status_code == 404

    report = load(tmp_path)
    assert not report.skipped
    after = every_page(client)
    assert after.keys() == before.keys()
    for path, page in before.items():
        assert after[path] == page, path
    assert Topic.objects.get(slug="draft-topic").status == Status.DRAFT
