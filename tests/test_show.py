"""Show this: a topic in the reader's language beside Dutch, to show someone."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guide.models import CacheTag

pytestmark = pytest.mark.django_db


def test_each_answer_stands_beside_the_dutch_each_with_its_language(client):
    html = client.get("/ar/topics/health-care/show/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    costs = html.split('<section class="show-question" id="costs"')[1].split("</section>")[0]
    assert '<div class="show-text show-other" lang="nl" dir="ltr">' in costs
    assert "<h2>Hoe worden de kosten betaald?</h2>" in costs
    assert re.search(r'<h2 id="costs-title">[^<]*\w', costs)
    assert '<meta name="robots" content="noindex">' in html
    assert "<svg" in html.split('class="show-link"')[1]  # a QR code to this page


def test_in_dutch_the_topic_is_shown_beside_the_english(client):
    html = client.get("/nl/topics/housing/show/").content.decode()
    assert '<div class="show-text show-other" lang="en" dir="ltr">' in html
    assert "<h2>Can I get social housing?</h2>" in html


def test_a_topic_page_links_to_its_view_beside_dutch_and_the_background_page_does_not(client):
    assert 'href="/es/topics/housing/show/">' in client.get("/es/topics/housing/").content.decode()
    assert "/show/" not in client.get("/es/about/").content.decode()
    assert client.get("/es/topics/background/show/").status_code == 404


def test_the_view_is_cached_like_other_pages(client):
    client.get("/ar/topics/health-care/show/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/ar/topics/health-care/show/").status_code == 200
    assert all(CacheTag._meta.db_table in query["sql"] for query in captured)


def test_each_question_links_to_its_answer_beside_dutch(client):
    html = client.get("/pt/topics/health-care/").content.decode()
    assert 'href="/pt/topics/health-care/show/#costs">' in html
    assert html.count("/pt/topics/health-care/show/#") == html.count('class="question"')
