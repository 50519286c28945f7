"""Every language: catalogues, direction, language choice, alternates."""

import re
import shutil
from contextlib import chdir
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from content.models import Organisation, Topic
from guide.languages import BY_CODE, CODES

pytestmark = pytest.mark.django_db

CATALOGUES = Path(settings.BASE_DIR) / "locale"
#: Where interface strings live (what `make catalogues` reads): the project's apps and
#: its templates.
SOURCES = [
    *sorted(
        path.name for path in Path(settings.BASE_DIR).iterdir() if (path / "apps.py").is_file()
    ),
    "templates",
]


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


def test_an_unknown_lang_parameter_leads_to_the_page_without_it(client):
    response = client.get("/nl/?lang=xx")
    assert (response.status_code, response["Location"]) == (301, "/nl/")


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


def test_the_catalogues_hold_every_string_of_the_code(tmp_path, settings):
    """A string added to a template or module without `make catalogues` fails here.

    makemessages writes next to the sources it reads, so it reads a copy of them.
    """
    for source in SOURCES:
        shutil.copytree(Path(settings.BASE_DIR) / source, tmp_path / source)
    (tmp_path / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    settings.LOCALE_PATHS = [str(tmp_path / "locale")]
    with chdir(tmp_path):
        call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    extracted = {
        entry.msgid for entry in polib.pofile(str(tmp_path / "locale/en/LC_MESSAGES/django.po"))
    }
    committed = {
        entry.msgid for entry in polib.pofile(str(CATALOGUES / "en/LC_MESSAGES/django.po"))
    }
    assert extracted - committed == set(), "run `make catalogues` and translate the new strings"
    assert committed - extracted == set(), "run `make catalogues` to drop strings no longer used"
