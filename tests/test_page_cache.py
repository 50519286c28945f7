"""Public pages come from the page cache, an edit refreshes exactly what shows it, and
nobody can make the cache serve or store what it should not."""

import gzip
import logging
import random
import socket
import string
import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content.models import Organisation, Section, Status, Topic
from guide.cache_guard import guarded_cache
from guide.models import CacheTag
from guide.settings import redis_cache
from tests.editors import log_in
from tests.factories import make_topic
from tests.servers import redis_server

pytestmark = pytest.mark.django_db

TAGS_TABLE = CacheTag._meta.db_table


def content_queries(client, path, **headers):
    """The queries a request made besides reading the versions of the page's tags."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200, path
    return [query["sql"] for query in captured if TAGS_TABLE not in query["sql"]]


def cached(client, path):
    return content_queries(client, path) == []


def edit_section(slug, anchor, body):
    section = Section.objects.get(topic__slug=slug, anchor=anchor)
    answer = section.translations.get(language_code="nl")
    answer.body = body
    answer.save()


def test_the_second_visit_comes_from_the_cache_with_one_query(client):
    first = client.get("/nl/topics/housing/")
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/nl/topics/housing/")
    assert [TAGS_TABLE in query["sql"] for query in captured] == [True]
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


def test_if_none_match_is_read_as_a_list_of_etags(client):
    etag = client.get("/en/topics/housing/")["ETag"]
    for header in [f'"other", {etag}', f"W/{etag}", "*"]:
        assert client.get("/en/topics/housing/", HTTP_IF_NONE_MATCH=header).status_code == 304
    # A longer ETag that merely contains this one is another page.
    longer = etag[:-1] + 'x"'
    assert client.get("/en/topics/housing/", HTTP_IF_NONE_MATCH=longer).status_code == 200


def test_pages_are_compressed_for_browsers_that_accept_it(client):
    plain = client.get("/ar/topics/health-care/")
    response = client.get("/ar/topics/health-care/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain.content
    assert int(response["Content-Length"]) == len(response.content) < len(plain.content) / 3


@pytest.mark.parametrize("header", ["gzip;q=0", "gzip; q=0.0, identity", "br", "*;q=0"])
def test_a_browser_that_refuses_gzip_gets_the_plain_page(client, header):
    client.get("/ar/topics/health-care/", HTTP_ACCEPT_ENCODING="gzip")
    response = client.get("/ar/topics/health-care/", HTTP_ACCEPT_ENCODING=header)
    assert not response.has_header("Content-Encoding")
    assert response.content.startswith(b"<!doctype html>")


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


def test_linking_from_the_topics_side_refreshes_the_organisations_page(client):
    listed = 'href="/nl/topics/return/"'
    assert listed not in client.get("/nl/organisations/kruispost/").content.decode()
    Topic.objects.get(slug="return").organisations.add(Organisation.objects.get(slug="kruispost"))
    assert listed in client.get("/nl/organisations/kruispost/").content.decode()
    Topic.objects.get(slug="return").organisations.clear()
    assert listed not in client.get("/nl/organisations/kruispost/").content.decode()


def test_a_background_page_that_becomes_a_topic_leaves_the_about_address(client):
    assert client.get("/nl/about/").status_code == 200
    about = Topic.objects.get(kind=Topic.Kind.ABOUT)
    about.kind = Topic.Kind.TOPIC
    about.save()
    assert client.get("/nl/about/").status_code == 404


def test_a_changed_slug_refreshes_the_old_address(client):
    draft = make_topic("Concept", slug="old-address", status=Status.DRAFT)
    draft.status = Status.PUBLISHED
    draft.save()
    assert client.get("/nl/topics/old-address/").status_code == 200
    Topic.objects.filter(pk=draft.pk).update(status=Status.DRAFT)  # unpublished: may move
    draft.refresh_from_db()
    draft.slug = "new-address"
    draft.status = Status.PUBLISHED
    draft.save()
    assert client.get("/nl/topics/old-address/").status_code == 404
    assert client.get("/nl/topics/new-address/").status_code == 200


def test_publishing_a_draft_shows_it_on_the_home_page(client):
    draft = make_topic("Nieuw onderwerp", status=Status.DRAFT)
    client.get("/nl/")
    draft.status = Status.PUBLISHED
    draft.save()
    assert "Nieuw onderwerp" in client.get("/nl/").content.decode()


def test_not_found_pages_are_neither_stored_nor_remembered(client):
    client.get("/nl/topics/nope/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/nl/topics/nope/").status_code == 404
    assert any(TAGS_TABLE not in query["sql"] for query in captured)
    assert not CacheTag.objects.filter(name__contains="nope").exists()


def test_editors_and_previews_bypass_the_cache(client, admin_user):
    client.get("/nl/topics/housing/")
    log_in(client, admin_user)
    assert not cached(client, "/nl/topics/housing/")
    draft = make_topic("Concept", status=Status.DRAFT)
    response = client.get(f"/nl/preview/topics/{draft.slug}/")
    assert "no-store" in response["Cache-Control"]
    assert not cached(client, reverse("admin:index"))


def test_the_language_choice_is_stored_per_browser_language(client):
    arabic = client.get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    dutch = client.get("/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert arabic.index('lang="ar"') < arabic.index('lang="nl" hreflang')
    assert dutch.index('lang="nl" hreflang') < dutch.index('lang="ar"')


def test_a_language_cookie_changes_nothing_on_the_language_choice(client):
    english = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
    client.cookies["django_language"] = "ar"
    for _ in range(3):
        poisoned = client.get("/", **english)
    assert '<html lang="en" dir="ltr">' in poisoned.content.decode()
    del client.cookies["django_language"]
    assert client.get("/", **english).content == poisoned.content
    assert "Cookie" not in poisoned.get("Vary", "")


# --- Nobody can make the cache serve or store what it should not --------------------


def test_a_made_up_host_never_reaches_other_readers(client):
    for _ in range(3):
        client.get("/ar/topics/housing/", HTTP_HOST="localhost:6666")
        client.get("/sitemap.xml", HTTP_HOST="localhost:6666")
    page = client.get("/ar/topics/housing/").content.decode()
    assert '<link rel="canonical" href="http://testserver/ar/topics/housing/">' in page
    assert "6666" not in page and "6666" not in client.get("/sitemap.xml").content.decode()


def test_absolute_addresses_come_from_the_site_url_whatever_the_host(client, settings):
    settings.SITE_URL = "https://guide.example.org"
    page = client.get("/tl/topics/housing/", HTTP_HOST="localhost").content.decode()
    assert '<link rel="canonical" href="https://guide.example.org/tl/topics/housing/">' in page
    assert 'hreflang="nl" href="https://guide.example.org/nl/topics/housing/"' in page
    assert '<span dir="ltr">https://guide.example.org/tl/topics/housing/</span>' in page
    sitemap = client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    assert "<loc>https://guide.example.org/nl/topics/health-care/</loc>" in sitemap


def test_a_host_outside_allowed_hosts_gets_no_cached_page(client):
    client.get("/es/privacy/")
    assert client.get("/es/privacy/", HTTP_HOST="evil.example").status_code == 400


def test_query_parameters_a_page_does_not_use_lead_to_its_clean_address(client):
    response = client.get("/nl/topics/housing/?utm_source=whatsapp&fbclid=x")
    assert (response.status_code, response["Location"]) == (301, "/nl/topics/housing/")
    response = client.get("/nl/organisations/?topic=housing&utm_source=x")
    assert response["Location"] == "/nl/organisations/?topic=housing"
    assert client.get("/sitemap.xml?x=1")["Location"] == "/sitemap.xml"


@pytest.mark.parametrize(
    ("query", "clean"),
    [
        ("page=1", "/nl/organisations/"),
        ("page=01", "/nl/organisations/"),
        ("page=2&topic=health-care", "/nl/organisations/?topic=health-care&page=2"),
    ],
)
def test_the_organisation_list_has_one_address_per_page(client, query, clean):
    Organisation.objects.bulk_create(
        Organisation(slug=f"extra-{n}", name=f"Extra {n}", description_nl="Helpt.")
        for n in range(30)
    )
    Organisation.topics.through.objects.bulk_create(
        Organisation.topics.through(
            organisation=organisation, topic=Topic.objects.get(slug="health-care")
        )
        for organisation in Organisation.objects.filter(slug__startswith="extra-")
    )
    response = client.get(f"/nl/organisations/?{query}")
    assert (response.status_code, response["Location"]) == (301, clean)
    assert client.get(clean).status_code == 200


def test_made_up_addresses_and_queries_do_not_fill_the_cache(client, tmp_path, settings):
    with redis_server(tmp_path) as redis:
        settings.CACHES = {"default": redis_cache(redis.url)}
        for path in ["/nl/topics/housing/", "/nl/organisations/", "/", "/sitemap.xml"]:
            client.get(path)
        stored = redis.keys()
        assert stored >= 4
        letters = random.Random(7)

        def junk():
            return "".join(letters.choices(string.ascii_lowercase, k=12))

        for _ in range(250):
            client.get(f"/nl/topics/housing/?{junk()}={junk()}")
            client.get(f"/nl/topics/{junk()}/")
            client.get(f"/nl/organisations/{junk()}/")
            client.get(f"/nl/organisations/?topic={junk()}&page={letters.randint(1, 9999)}")
        for _ in range(100):
            client.get(
                "/",
                HTTP_ACCEPT_LANGUAGE=",".join(
                    letters.sample(["nl", "en", "ar", "fr", "es", "pt", "id", "tl", junk()], 6)
                ),
            )
        # The language choice has at most 1 + 8 + 56 + 336 orders of preferred languages;
        # nothing else made up was stored, and no tag was written for a missing page.
        assert redis.keys() <= stored + 401
        assert not CacheTag.objects.exclude(name__in=_tags_of_real_content()).exists()
        caches["default"].close()


def _tags_of_real_content():
    from content import cache_tags

    topics = [cache_tags.topic(slug) for slug in Topic.objects.values_list("slug", flat=True)]
    organisations = [
        cache_tags.organisation(slug)
        for slug in Organisation.objects.values_list("slug", flat=True)
    ]
    return [*topics, *organisations, cache_tags.TOPICS, cache_tags.ABOUT, cache_tags.ORGANISATIONS]


# --- When the cache fails ------------------------------------------------------------


@pytest.fixture
def redis_pages(tmp_path, settings):
    """The page cache on a Redis server of the test's own, which it may stop."""
    with redis_server(tmp_path) as redis:
        settings.CACHES = {"default": redis_cache(redis.url)}
        settings.CACHE_RETRY_SECONDS = 0
        yield redis
        caches["default"].close()
        guarded_cache.resting_until = None


def test_an_edit_refreshes_pages_through_redis(client, redis_pages):
    client.get("/nl/topics/housing/")
    assert cached(client, "/nl/topics/housing/")
    edit_section("housing", "social-housing", "Nee, via Redis.")
    assert "Nee, via Redis." in client.get("/nl/topics/housing/").content.decode()


def test_with_the_cache_down_pages_are_served_and_one_warning_is_logged(
    client, redis_pages, caplog
):
    client.get("/nl/topics/housing/")
    redis_pages.stop()
    with caplog.at_level(logging.WARNING, logger="guide.cache_guard"):
        for path in ["/nl/topics/housing/", "/ar/", "/nl/organisations/", "/nl/topics/return/"]:
            assert client.get(path).status_code == 200, path
    warnings = [record for record in caplog.records if record.name == "guide.cache_guard"]
    assert len(warnings) == 1
    assert "not answering" in warnings[0].getMessage()


def test_an_edit_saved_while_the_cache_is_down_shows_once_it_is_back(client, redis_pages):
    client.get("/nl/topics/housing/")  # stored in Redis before the outage
    redis_pages.stop()
    edit_section("housing", "social-housing", "Nee, opgeslagen tijdens de storing.")
    assert (
        "Nee, opgeslagen tijdens de storing." in client.get("/nl/topics/housing/").content.decode()
    )
    redis_pages.start()  # empty again: a restarted Redis keeps nothing here
    assert (
        "Nee, opgeslagen tijdens de storing." in client.get("/nl/topics/housing/").content.decode()
    )
    assert cached(client, "/nl/topics/housing/")  # caching resumed by itself


def test_an_edit_saved_while_the_cache_is_unreachable_is_not_hidden_by_what_it_holds(
    client, redis_pages, settings
):
    """The cache was only out of reach (a network split), so it still holds the page
    from before: the edit's new version in the database makes it stale."""
    client.get("/nl/topics/housing/")
    stored = settings.CACHES["default"]["LOCATION"]
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:9/0"}
    }
    edit_section("housing", "social-housing", "Nee, gezien na de storing.")
    assert client.get("/nl/topics/housing/").status_code == 200
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": stored}}
    assert "Nee, gezien na de storing." in client.get("/nl/topics/housing/").content.decode()


def test_a_redis_that_never_answers_does_not_hold_readers_up(client, settings):
    """It accepts the connection (the kernel does) and then says nothing."""
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{port}/0")}
        started = time.monotonic()
        assert client.get("/nl/topics/housing/").status_code == 200
        assert time.monotonic() - started < settings.REDIS_TIMEOUT_SECONDS * 8
    caches["default"].close()
    guarded_cache.resting_until = None


def test_healthz_names_the_cache_when_it_is_down(client, redis_pages):
    assert client.get("/healthz").content == b"database: ok\ncache: ok\n"
    redis_pages.stop()
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (503, b"database: ok\ncache: unavailable\n")
    assert client.get("/livez").status_code == 200
