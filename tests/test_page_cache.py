"""Public pages come from the page cache, and an edit refreshes exactly what shows it."""

import gzip
import socket

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content.models import Organisation, Section, Status, Topic
from tests.factories import make_topic

pytestmark = pytest.mark.django_db


def queries(client, path, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200, path
    return len(captured)


def cached(client, path):
    return queries(client, path) == 0


def edit_section(slug, anchor, body):
    section = Section.objects.get(topic__slug=slug, anchor=anchor)
    answer = section.translations.get(language_code="nl")
    answer.body = body
    answer.save()


def test_the_second_visit_comes_from_the_cache(client):
    first = client.get("/nl/topics/housing/")
    assert queries(client, "/nl/topics/housing/") == 0
    again = client.get("/nl/topics/housing/")
    assert again.content == first.content
    assert again["Cache-Control"] == "public, max-age=300"
    assert again["ETag"] == first["ETag"]
    assert "Last-Modified" in again


def test_the_cached_page_keeps_its_security_headers(client):
    client.get("/nl/")
    response = client.get("/nl/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Content-Language"] == "nl"


def test_an_unchanged_page_is_answered_with_304(client):
    etag = client.get("/en/topics/housing/")["ETag"]
    response = client.get("/en/topics/housing/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "public, max-age=300"


def test_pages_are_compressed_for_browsers_that_accept_it(client):
    plain = client.get("/ar/topics/health-care/")
    response = client.get("/ar/topics/health-care/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain.content
    assert int(response["Content-Length"]) == len(response.content) < len(plain.content) / 3


def test_editing_a_question_refreshes_its_topic_page_in_every_language_and_nothing_else(client):
    pages = [
        "/nl/topics/housing/",
        "/ar/topics/housing/",
        "/nl/topics/education/",
        "/nl/",
        "/nl/organisations/",
    ]
    for path in pages:
        client.get(path)
    edit_section("housing", "social-housing", "Nee. Nooit.")
    assert not cached(client, "/nl/topics/housing/")
    assert not cached(client, "/ar/topics/housing/")
    assert cached(client, "/nl/topics/education/")
    assert cached(client, "/nl/")
    assert cached(client, "/nl/organisations/")
    assert "Nee. Nooit." in client.get("/nl/topics/housing/").content.decode()


def test_renaming_a_topic_refreshes_the_lists_that_show_its_title(client):
    for path in [
        "/nl/",
        "/nl/organisations/",
        "/nl/organisations/stichting-los/",
        "/nl/topics/education/",
    ]:
        client.get(path)
    topic = Topic.objects.get(slug="housing")
    topic.set_current_language("nl")
    topic.title = "Een huis"
    topic.save()
    assert "Een huis" in client.get("/nl/").content.decode()
    assert "Een huis" in client.get("/nl/organisations/").content.decode()
    assert "Een huis" in client.get("/nl/organisations/stichting-los/").content.decode()
    assert cached(client, "/nl/topics/education/")


def test_editing_an_organisation_refreshes_the_topic_pages_with_its_card(client):
    for path in ["/nl/topics/housing/", "/nl/topics/return/", "/nl/organisations/stichting-los/"]:
        client.get(path)
    los = Organisation.objects.get(slug="stichting-los")
    los.description_nl = "Nieuwe beschrijving van LOS."
    los.save()
    assert "Nieuwe beschrijving van LOS." in client.get("/nl/topics/housing/").content.decode()
    assert (
        "Nieuwe beschrijving van LOS."
        in client.get("/nl/organisations/stichting-los/").content.decode()
    )
    assert cached(client, "/nl/topics/return/")


def test_deleting_an_organisation_takes_its_card_off_the_topic_pages(client):
    card = 'href="/nl/organisations/stichting-los/"'
    assert card in client.get("/nl/topics/housing/").content.decode()
    Organisation.objects.get(slug="stichting-los").delete()
    assert card not in client.get("/nl/topics/housing/").content.decode()


def test_unlinking_all_of_an_organisations_topics_takes_its_card_off_their_pages(client):
    card = 'href="/nl/organisations/stichting-los/"'
    assert card in client.get("/nl/topics/housing/").content.decode()
    Organisation.objects.get(slug="stichting-los").topics.clear()
    assert card not in client.get("/nl/topics/housing/").content.decode()


def test_editing_an_organisation_refreshes_the_background_page_with_its_card(client):
    about = Topic.objects.get(kind=Topic.Kind.ABOUT)
    organisation = about.organisations.first()
    client.get("/nl/about/")
    organisation.name = "Een nieuwe naam"
    organisation.save()
    assert "Een nieuwe naam" in client.get("/nl/about/").content.decode()


def test_linking_an_organisation_to_a_topic_adds_its_card(client):
    client.get("/nl/topics/return/")
    Organisation.objects.get(slug="kruispost").topics.add(Topic.objects.get(slug="return"))
    assert "/nl/organisations/kruispost/" in client.get("/nl/topics/return/").content.decode()


def test_publishing_a_draft_shows_it_on_the_home_page(client):
    draft = make_topic("Nieuw onderwerp", status=Status.DRAFT)
    client.get("/nl/")
    draft.status = Status.PUBLISHED
    draft.save()
    assert "Nieuw onderwerp" in client.get("/nl/").content.decode()


def test_not_found_pages_are_not_stored(client):
    client.get("/nl/topics/nope/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/nl/topics/nope/").status_code == 404
    assert len(captured) > 0


def test_editors_and_previews_bypass_the_cache(client, admin_user):
    client.get("/nl/topics/housing/")
    client.force_login(admin_user)
    assert queries(client, "/nl/topics/housing/") > 0
    draft = make_topic("Concept", status=Status.DRAFT)
    response = client.get(f"/nl/preview/topics/{draft.slug}/")
    assert "no-store" in response["Cache-Control"]
    assert queries(client, reverse("admin:index")) > 0


def test_the_language_choice_is_stored_per_browser_language(client):
    arabic = client.get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    dutch = client.get("/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert arabic.index('lang="ar"') < arabic.index('lang="nl" hreflang')
    assert dutch.index('lang="nl" hreflang') < dutch.index('lang="ar"')


def redis_is_running():
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


@pytest.mark.skipif(not redis_is_running(), reason="no Redis server on 127.0.0.1:6379")
def test_invalidation_works_through_redis(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/7",
        }
    }
    from django.core.cache import caches

    caches["default"].clear()
    client.get("/nl/topics/housing/")
    assert cached(client, "/nl/topics/housing/")
    edit_section("housing", "social-housing", "Nee, via Redis.")
    assert "Nee, via Redis." in client.get("/nl/topics/housing/").content.decode()
    caches["default"].clear()
