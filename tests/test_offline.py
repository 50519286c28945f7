"""Reading without a connection: the service worker, what can be saved, the offline page."""

import pytest
from django.test import Client

from content.models import Organisation
from guide.languages import CODES

pytestmark = pytest.mark.django_db


def test_the_service_worker_comes_from_the_sites_root_and_is_never_kept_long(client, settings):
    settings.RELEASE = "2026-11-30"
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    script = response.content.decode()
    assert 'const RELEASE = "2026-11-30";' in script  # a new release, a new worker
    assert (
        '"admin/"' in script and '"[a-z]{2}/search/"' in script and '"[a-z]{2}/preview/"' in script
    )
    assert not response.cookies


def test_every_page_offers_the_worker_through_a_same_origin_script(client):
    for path in ["/nl/", "/ar/topics/housing/", "/en/organisations/cak/"]:
        html = client.get(path).content.decode()
        language = path.split("/")[1]
        assert (
            '<script src="/static/js/offline.js" defer data-service-worker="/sw.js" '
            f'data-offline-page="/{language}/offline/"></script>'
        ) in html
        assert "<script>" not in html  # nothing inline: the CSP stays strict


def test_the_save_button_is_hidden_until_the_script_knows_it_works(client):
    html = client.get("/ar/").content.decode()
    assert (
        '<section class="offline-save" hidden data-offline-pages="/ar/offline/pages.json"' in html
    )


@pytest.mark.parametrize("language", CODES)
def test_save_for_offline_lists_every_page_of_one_language(client, language):
    pages = client.get(f"/{language}/offline/pages.json").json()["pages"]
    assert "../topics/health-care/" in pages and "../about/" in pages and "../privacy/" in pages
    assert "../organisations/" in pages and "./" in pages  # the offline page itself
    assert (
        len([page for page in pages if page.startswith("../organisations/")])
        == 1 + Organisation.objects.count()
    )
    # Nothing of another language.
    assert not [page for page in pages for other in CODES if page.startswith(f"../../{other}/")]
    assert any(page.endswith(".css") for page in pages)


@pytest.mark.parametrize("language", CODES)
def test_the_offline_page_speaks_the_readers_language_and_gives_112(client, language):
    response = client.get(f"/{language}/offline/")
    html = response.content.decode()
    assert f'<html lang="{language}"' in html and 'href="tel:112"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'data-offline-list="{language}"' in html


def test_the_privacy_page_says_pages_may_be_kept_on_the_phone(client):
    html = client.get("/nl/privacy/").content.decode()
    assert "bewaart deze gids de pagina’s die je opent op je telefoon" in html
    assert "Nothing is stored on your phone" not in Client().get("/en/privacy/").content.decode()
