"""Budgets a cheap phone on 3G needs kept: bytes per first visit, queries per page."""

import gzip
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import Organisation, Section, SectionTranslation, Topic
from guide.languages import CODES

pytestmark = pytest.mark.django_db

KB = 1024
HTML_BUDGET = 8 * KB
FIRST_VISIT_BUDGET = 20 * KB


def compressed_size(content):
    """A static file's size as whitenoise serves it, compressed in advance."""
    return len(gzip.compress(content, compresslevel=9))


def resources(html):
    """What a browser fetches for the page: stylesheets, icons, scripts, images."""
    links = re.findall(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"', html)
    return links + re.findall(r'<(?:script|img)[^>]+src="([^"]+)"', html)


@pytest.mark.parametrize("language", CODES)
def test_a_topic_page_and_what_it_loads_stay_within_budget(client, language):
    for slug in Topic.objects.published().values_list("slug", flat=True):
        path = "/{}/about/" if slug == "background" else "/{}/topics/" + slug + "/"
        response = client.get(path.format(language), HTTP_ACCEPT_ENCODING="gzip")
        sent = len(response.content)  # compressed by the page cache, as readers get it
        assert response["Content-Encoding"] == "gzip"
        assert sent <= HTML_BUDGET, (path, sent)
        html = gzip.decompress(response.content)
        loaded = [client.get(url) for url in resources(html.decode())]
        assert all(item.status_code == 200 for item in loaded)
        total = sent + sum(compressed_size(b"".join(item.streaming_content)) for item in loaded)
        assert total <= FIRST_VISIT_BUDGET, (path, total)
        # The page needs no JavaScript: one small same-origin script, deferred, offers
        # reading without a connection where the browser can; nothing inline.
        scripts = re.findall(r"<script\b([^>]*)>([^<]*)</script>", html.decode())
        assert [(' src="/static/' in tag and " defer" in tag, body) for tag, body in scripts] == [
            (True, "")
        ]


PAGES = [
    "/nl/",
    "/nl/topics/health-care/",
    "/nl/about/",
    "/nl/organisations/",
    "/nl/organisations/?topic=health-care",
    "/nl/organisations/kruispost/",
    "/nl/privacy/",
    "/",
    "/sitemap.xml",
    "/nl/search/?q=huisarts",
    "/ar/search/?q=محام",
    "/tl/search/?q=lawyer arts",
]


def query_counts(client):
    return {path: query_counts_of(client, path) for path in PAGES}


def query_counts_of(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def grow_a_hundredfold():
    """100× the guide: 900 topics, 2,100 organisations, a topic with 500 questions
    and 300 organisations."""
    call_command(
        "generate_content",
        topics=900,
        sections=1,
        organisations=2100,
        alongside_real_content=True,
        stdout=None,
    )
    health = Topic.objects.get(slug="health-care")
    sections = Section.objects.bulk_create(
        Section(topic=health, anchor=f"extra-{n}", position=100 + n) for n in range(495)
    )
    SectionTranslation.objects.bulk_create(
        SectionTranslation(
            master=section, language_code=code, heading="Extra?", body="Ja.", body_html="<p>Ja.</p>"
        )
        for section in sections
        for code in CODES
    )
    health.organisations.add(*Organisation.objects.filter(slug__startswith="generated-")[:300])
    kruispost = Organisation.objects.get(slug="kruispost")
    kruispost.topics.add(*Topic.objects.filter(slug__startswith="generated-")[:300])


def test_queries_per_page_do_not_grow_with_the_content(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    before = query_counts(client)
    grow_a_hundredfold()
    after = query_counts(client)
    assert after == before
    assert max(count for path, count in after.items() if path != "/sitemap.xml") <= 5
    assert max(count for path, count in after.items() if "/search/" in path) <= 3
    # The list is paginated: a later page costs what the first does.
    assert query_counts_of(client, "/nl/organisations/?page=50") == after["/nl/organisations/"]


def test_made_up_content_is_never_added_to_the_real_guide_by_accident():
    with pytest.raises(CommandError, match="holds the guide's real content"):
        call_command("generate_content", topics=1, organisations=1)
    assert not Topic.objects.filter(slug__startswith="generated-").exists()
