"""Every language: catalogues, direction, language choice, alternates."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from content.models import Organisation, Topic
from guide.languages import BY_CODE, CODES

pytestmark = pytest.mark.django_db

CATALOGUES = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", CODES)
def test_every_interface_catalogue_is_complete(language):
    catalogue = polib.pofile(CATALOGUES / language / "LC_MESSAGES" / "django.po")
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("language", CODES)
def test_the_interface_speaks_the_readers_language(client, language):
    with translation.override(language):
        skip_link = translation.gettext("Skip to main content")
    if language != "en":
        assert skip_link != "Skip to main content"
    html = client.get(f"/{language}/").content.decode()
    assert f'<a class="skip-link" href="#main">{skip_link}</a>' in html


@pytest.mark.parametrize("language", CODES)
def test_pages_carry_the_direction_of_their_language(client, language):
    direction = BY_CODE[language].direction
    for path in [f"/{language}/", f"/{language}/topics/health-care/", f"/{language}/privacy/"]:
        html = client.get(path).content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in html, path


def test_the_arabic_home_page_is_right_to_left_and_in_arabic(client):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    title = Topic.objects.get(slug="health-care").translations.get(language_code="ar").title
    assert f"{title}</span>" in html


def test_lang_parameter_redirects_any_page_to_that_language(client):
    response = client.get("/nl/organisations/?topic=housing&lang=ar")
    assert response.status_code == 302
    assert response["Location"] == "/ar/organisations/?topic=housing"


def test_an_unknown_lang_parameter_is_ignored(client):
    assert client.get("/nl/?lang=xx").status_code == 200


def test_the_sitemap_lists_each_page_in_the_languages_it_exists_in(client):
    Topic.objects.get(slug="housing").delete_translation("tl")
    xml = client.get("/sitemap.xml").content.decode()
    housing = set(re.findall(r'hreflang="(\w+)" href="http://testserver/\w+/topics/housing/"', xml))
    assert housing == set(CODES) - {"tl"}
    assert "<loc>http://testserver/tl/topics/housing/</loc>" not in xml
    assert "<loc>http://testserver/tl/topics/education/</loc>" in xml
    assert "<loc>http://testserver/ar/organisations/kruispost/</loc>" in xml


def test_an_organisation_page_lists_only_languages_it_is_described_in(client):
    Organisation.objects.filter(slug="kruispost").update(description_tl="")
    html = client.get("/nl/organisations/kruispost/").content.decode()
    assert re.findall(r'rel="alternate" hreflang="(\w+)"', html) == [c for c in CODES if c != "tl"]
