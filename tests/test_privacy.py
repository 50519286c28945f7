"""Nothing about a visitor is stored, sent elsewhere or leaked: checked on every page."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from guide.languages import CODES
from tests.pages import public_paths

pytestmark = pytest.mark.django_db

RESOURCE_ATTRIBUTES = {
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "object": "data",
    "embed": "src",
    "audio": "src",
    "video": "src",
}


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html):
    parser = Elements()
    parser.feed(html)
    return parser.found


def is_elsewhere(url):
    host = urlsplit(url).hostname
    return host is not None and host != "testserver"


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture(scope="module")
def every_page(django_db_setup, django_db_blocker):
    """Every public page in every language, fetched once: ``{path: response}``."""
    client = Client()
    with django_db_blocker.unblock():
        paths = [path for language in CODES for path in public_paths(language)] + ["/"]
        return {path: client.get(path) for path in paths}


def test_no_public_page_sets_a_cookie(every_page):
    for path, response in every_page.items():
        assert "Set-Cookie" not in response.headers, path
        assert not response.cookies, path
        assert "Cookie" not in response.get("Vary", ""), path


def test_every_public_page_sends_the_privacy_and_security_headers(every_page):
    for path, response in every_page.items():
        assert response.status_code == 200, path
        assert response["Referrer-Policy"] == "no-referrer", path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert response["X-Frame-Options"] == "DENY", path
        policy = csp_directives(response)
        assert policy["default-src"] == ["'self'"], path
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"], path
        assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'none'"], path
        assert policy["object-src"] == ["'none'"] and policy["form-action"] == ["'self'"], path
        assert "unsafe" not in response["Content-Security-Policy"], path
        permissions = response["Permissions-Policy"]
        for feature in [
            "camera",
            "microphone",
            "geolocation",
            "payment",
            "interest-cohort",
            "browsing-topics",
        ]:
            assert f"{feature}=()" in permissions, path


def test_https_responses_tell_browsers_to_stay_on_https(client):
    response = client.get("/nl/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_no_page_loads_anything_from_another_site(every_page):
    for path, response in every_page.items():
        html = response.content.decode()
        for tag, attributes in elements(html):
            url = attributes.get(RESOURCE_ATTRIBUTES.get(tag, ""), "")
            if tag == "link" and attributes.get("rel") in {"alternate", "canonical"}:
                continue
            assert not is_elsewhere(url), (path, tag, url)
        # One script, of our own, and nothing inline (the CSP forbids it anyway).
        assert re.findall(r"<script\b[^>]*>", html) == [
            f'<script src="/static/js/offline.js" defer data-service-worker="/sw.js" '
            f'data-offline-page="/{path.split("/")[1] if path != "/" else "en"}/offline/">'
        ], path


def test_the_stylesheet_loads_nothing_from_elsewhere():
    css = Path(finders.find("css/guide.css")).read_text(encoding="utf-8")
    assert not re.search(r"url\(|@import", css)


FIELDS = {"input", "textarea", "select"}


def test_links_to_other_sites_do_not_tell_them_where_the_visitor_came_from(every_page):
    checked = 0
    for path, response in every_page.items():
        for tag, attributes in elements(response.content.decode()):
            if tag == "a" and is_elsewhere(attributes.get("href", "")):
                assert "noreferrer" in attributes.get("rel", "").split(), (path, attributes)
                checked += 1
    assert checked > 500


def test_the_one_form_that_posts_is_a_report_that_asks_nothing_about_the_reader(every_page):
    """Search and the organisations' filter get; only "Is something wrong or missing on
    this page?" posts, to its page's report address, with a message and nothing else."""
    reports = 0
    for path, response in every_page.items():
        found = elements(response.content.decode())
        for tag, attributes in found:
            if tag == "form" and attributes.get("method", "get").lower() != "get":
                # On a topic or organisation page, or on its form's own page.
                assert attributes["action"] == path.removesuffix("report/") + "report/", path
                reports += 1
        names = {attributes.get("name") for tag, attributes in found if tag in FIELDS}
        assert names <= {None, "q", "topic", "token", "text", "website"}, path
    assert reports > 50


def test_the_admin_is_the_only_place_with_cookies(client, admin_user):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": admin_user.username, "password": "password"}
    )
    assert "sessionid" in response.cookies
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["secure"] and session["samesite"] == "Lax"


def test_the_admin_relaxes_only_what_it_needs(client):
    response = client.get("/admin/login/")
    policy = csp_directives(response)
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" in policy["style-src"]
    # With no-referrer, browsers send "Origin: null" with the login form and CSRF refuses it.
    assert response["Referrer-Policy"] == "same-origin"


def test_the_scripts_load_nothing_from_elsewhere_and_set_no_cookie(client):
    page_script = Path(finders.find("js/offline.js")).read_text(encoding="utf-8")
    response = client.get("/sw.js")
    for script in [page_script, response.content.decode()]:
        assert not re.search(r"https?://|importScripts|document\.cookie|localStorage", script)
    assert not response.cookies
