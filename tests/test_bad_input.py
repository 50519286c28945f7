"""Hostile and malformed requests: each gets a clear page (or a redirect), never a 5xx.

Pages that answer with an error say so in the reader's language: the language of the
path prefix, or else the browser's (here: French).
"""

import re

import pytest

pytestmark = pytest.mark.django_db

LONG = "a" * 5000
FLOOD = "&".join(f"p{i}=x" for i in range(2000))

# (method, path, extra request headers, expected language of an error page)
CORPUS = [
    # Unknown language prefixes
    ("get", "/de/", {}, "fr"),
    ("get", "/xx/topics/health-care/", {}, "fr"),
    ("get", "/NL/", {}, "nl"),  # a prefix Django reads as Dutch
    ("get", "/nl-nl/", {}, "nl"),
    ("get", "/fil/", {}, "fr"),
    # Unknown and over-long slugs
    ("get", "/nl/topics/bestaat-niet/", {}, "nl"),
    ("get", f"/nl/topics/{LONG}/", {}, "nl"),
    ("get", f"/ar/organisations/{LONG}/", {}, "ar"),
    ("get", "/nl/topics/health_care/", {}, "nl"),
    ("get", "/nl/topics/😀/", {}, "nl"),
    ("get", "/nl/topics/health-care/%20/", {}, "nl"),
    ("get", "/" + "x" * 20000, {}, "fr"),
    ("get", "//nl//", {}, "fr"),
    # Percent-encoding errors and invalid UTF-8
    ("get", "/nl/topics/%FF%FE/", {}, "nl"),
    ("get", "/nl/topics/%E0%A4%A/", {}, "nl"),
    ("get", "/nl/topics/%/", {}, "nl"),
    ("get", "/nl/%00/", {}, "nl"),
    ("get", "/%E2%80%AE/", {}, "fr"),
    ("get", "/nl/organisations/?topic=%FF%FE", {}, "nl"),
    # Path traversal
    ("get", "/nl/topics/..%2F..%2Fetc%2Fpasswd/", {}, "nl"),
    ("get", "/static/../../etc/passwd", {}, "fr"),
    ("get", "/static/%2e%2e/%2e%2e/guide/settings.py", {}, "fr"),
    ("get", "/nl/../settings.py", {}, "nl"),
    # Junk filter and page values
    ("get", "/nl/organisations/?topic=<script>alert(1)</script>", {}, "nl"),
    ("get", "/nl/organisations/?topic=' OR 1=1--", {}, "nl"),
    ("get", "/nl/organisations/?topic=%00", {}, "nl"),
    ("get", "/ar/organisations/?topic=nope", {}, "ar"),
    ("get", f"/nl/organisations/?topic={LONG}", {}, "nl"),
    ("get", "/nl/organisations/?topic=health-care&topic=housing", {}, "nl"),
    ("get", "/nl/organisations/?topic[]=x", {}, "nl"),
    ("get", "/nl/organisations/?page=abc", {}, "nl"),
    ("get", "/nl/organisations/?page=-1", {}, "nl"),
    ("get", "/nl/organisations/?page=99999", {}, "nl"),
    ("get", "/nl/organisations/?page=1.5", {}, "nl"),
    ("get", "/nl/organisations/?page=9999999999999999999999999", {}, "nl"),
    ("get", "/nl/organisations/?topic=&page=", {}, "nl"),
    ("get", "/sitemap.xml?p=abc", {}, "fr"),
    ("get", "/sitemap.xml?p=999", {}, "fr"),
    # Huge query strings and parameter floods
    ("get", f"/nl/?q={'x' * 100000}", {}, "nl"),
    ("get", f"/nl/topics/housing/?{FLOOD}", {}, "nl"),
    ("get", f"/?{FLOOD}", {}, "fr"),
    ("get", "/nl/?lang=ar&lang=xx", {}, "nl"),
    ("get", "/nl/?lang=../../etc", {}, "nl"),
    ("get", "/nl/?lang=AR", {}, "nl"),
    ("get", "/healthz?x=<script>", {}, "fr"),
    # Searches that are empty, huge, strange or hostile
    ("get", "/nl/search/?q=", {}, "nl"),
    ("get", "/nl/search/?q=%20%20%09", {}, "nl"),
    ("get", f"/nl/search/?q={'huisarts ' * 1200}", {}, "nl"),
    ("get", "/ar/search/?q=%00%01%1b[31m", {}, "ar"),
    ("get", "/nl/search/?q=' OR 1=1; DROP TABLE content_topic;--", {}, "nl"),
    ("get", '/nl/search/?q="huisarts', {}, "nl"),
    ("get", "/nl/search/?q=huis*", {}, "nl"),
    ("get", "/nl/search/?q=huisarts NEAR zorg", {}, "nl"),
    ("get", "/nl/search/?q=zorg OR NOT AND -arts", {}, "nl"),
    ("get", "/nl/search/?q=terms:arts", {}, "nl"),
    ("get", "/nl/search/?q=(zorg) (((", {}, "nl"),
    ("get", "/nl/search/?q=' | & ! :* <->", {}, "nl"),
    ("get", "/tl/search/?q=médico محام 医生 доктор", {}, "tl"),
    ("get", "/nl/search/?q=%FF%FE%E0%A4", {}, "nl"),
    ("get", "/nl/search/?q=x&q=y", {}, "nl"),
    ("get", "/nl/search/?q=%", {}, "nl"),
    ("get", "/nl/search/?q=_", {}, "nl"),
    # Unexpected methods
    ("post", "/nl/", {}, "nl"),
    ("put", "/nl/topics/health-care/", {}, "nl"),
    ("delete", "/en/organisations/", {}, "en"),
    ("patch", "/ar/about/", {}, "ar"),
    ("post", "/", {}, "fr"),
    ("post", "/sitemap.xml", {}, "fr"),
    ("post", "/toegankelijkheid", {}, "fr"),
    ("post", "/nl/organisations/?topic=housing", {}, "nl"),
    ("propfind", "/nl/", {}, "nl"),
    ("trace", "/tl/privacy/", {}, "tl"),
    ("options", "/nl/", {}, "nl"),
    ("head", "/nl/", {}, "nl"),
    # Bad Host headers and strange headers
    ("get", "/nl/", {"HTTP_HOST": "evil.example"}, "nl"),
    ("get", "/nl/", {"HTTP_HOST": ""}, "nl"),
    ("get", "/nl/", {"HTTP_HOST": "testserver/../evil"}, "nl"),
    ("get", "/nl/", {"HTTP_HOST": "testserver:99999999999"}, "nl"),
    ("get", "/", {"HTTP_ACCEPT_LANGUAGE": "x" * 10000}, None),
    ("get", "/", {"HTTP_ACCEPT_LANGUAGE": "ar;q=abc,,;;,"}, None),
    ("get", "/nl/", {"HTTP_COOKIE": "\x00\xff;;;==; sessionid=<script>"}, "nl"),
    ("get", "/nl/", {"HTTP_X_FORWARDED_FOR": "1.2.3.4, <script>"}, "nl"),
    ("get", "/nl/", {"HTTP_RANGE": "bytes=abc-"}, "nl"),
]


def request(client, method, path, headers):
    headers = {"HTTP_ACCEPT_LANGUAGE": "fr", **headers}
    if method in {"propfind", "trace"}:
        return client.generic(method.upper(), path, **headers)
    return getattr(client, method)(path, **headers)


def test_the_corpus_is_big_enough():
    assert len(CORPUS) >= 50


@pytest.mark.parametrize(("method", "path", "headers", "language"), CORPUS, ids=range(len(CORPUS)))
def test_bad_input_gets_a_clear_answer_never_a_server_error(
    client, method, path, headers, language
):
    response = request(client, method, path, headers)
    assert response.status_code < 500
    if response.status_code >= 400:
        html = response.content.decode()
        assert len(re.findall(r"<h1[ >]", html)) == 1
        assert f'<html lang="{language}"' in html
        assert "Traceback" not in html
        assert "Set-Cookie" not in response.headers


def test_other_methods_on_public_pages_are_not_allowed(client):
    for method in ["post", "put", "delete", "patch"]:
        response = getattr(client, method)("/nl/topics/health-care/")
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert "Deze pagina kun je alleen lezen" in response.content.decode()


def test_a_parameter_flood_is_refused_politely(client):
    response = client.get(f"/nl/topics/housing/?{FLOOD}")
    assert response.status_code == 400
    assert "Er klopt iets niet met dit adres" in response.content.decode()


def test_an_unknown_host_is_refused(client):
    response = client.get("/nl/", HTTP_HOST="evil.example")
    assert response.status_code == 400
