"""The guide's own content: all of the City's document, and nothing made up."""

import re
from pathlib import Path

import pytest
from modeltranslation.utils import build_localized_fieldname as localized

from content.models import SEED_DATE, Organisation, Topic
from content.sync import DEFAULT_DATA_DIR
from guide.languages import CODES

pytestmark = pytest.mark.django_db

#: The City of Amsterdam's document, as extracted from its PDF: the guide's only source.
SEED = Path(DEFAULT_DATA_DIR).parent / "source" / "city-document-2021-09-21.txt"
DATA = Path(DEFAULT_DATA_DIR)

TOPICS = [
    "health-care",
    "education",
    "reporting-a-crime",
    "housing",
    "residence-permit",
    "return",
    "city-facilities",
    "lvv-programme",
]

ORGANISATIONS = [
    "Loket Ongedocumenteerde Amsterdammers (LOA)",
    "Dokters van de Wereld",
    "Wereldhuis",
    "Rode Kruis",
    "Amsterdam City Rights",
    "ASKV",
    "Stichting LOS",
    "Stichting Fairwork",
    "Pharos",
    "Vluchtelingenwerk",
    "IOM",
    "Goedwerk foundation",
    "Bridge to Better",
    "Dienst Terugkeer en Vertrek (DT&V)",
    "Kruispost",
    "CAK",
    "GGD Amsterdam",
    "Jeugdfonds Sport",
    "Ouder- en Kindteams",
    "Buurtteams Amsterdam",
    "Politie Amsterdam",
]


def normalise(url):
    """One spelling per link: the seed mixes http/https and adds tracking bits.

    Drops the scheme, a text fragment (``#:~:text=``, which only highlights) and
    ``?nowprocket=1`` (a cache switch of the Red Cross's website).
    """
    url = re.sub(r"^https?://", "", url)
    url = url.split("#:~:text=")[0]
    return url.replace("?nowprocket=1", "")


def seed_links():
    text = SEED.read_text(encoding="utf-8")
    links = {normalise(url) for url in re.findall(r"https?://\S+", text)}
    # The PDF extraction broke one link over lines; it is also given whole.
    return {link for link in links if not link.endswith("vraag-en-")}


def test_the_seed_is_read_whole():
    assert len(seed_links()) == 28


def dutch_content():
    files = [*DATA.glob("topics/*/nl.md"), DATA / "organisations" / "nl.yaml"]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def test_every_link_in_the_seed_is_on_the_dutch_site():
    content = {normalise(url) for url in re.findall(r"https?://[^\s)>\"]+", dutch_content())}
    missing = seed_links() - content
    assert not missing, missing


def test_no_link_is_made_up():
    content = {normalise(url) for url in re.findall(r"https?://[^\s)>\"]+", dutch_content())}
    assert content <= seed_links()


def test_every_topic_is_published_in_dutch_and_english():
    published = Topic.objects.published()
    assert list(published.listed().values_list("slug", flat=True)) == TOPICS
    assert published.filter(kind=Topic.Kind.ABOUT).count() == 1
    for topic in published:
        assert {"nl", "en"} <= set(topic.get_available_languages()), topic.slug


def test_every_organisation_of_the_seed_is_listed_with_a_dutch_and_english_description():
    assert sorted(Organisation.objects.values_list("name", flat=True)) == sorted(ORGANISATIONS)
    for organisation in Organisation.objects.all():
        assert organisation.description_nl and organisation.description_en, organisation.slug


def test_no_phone_number_email_or_address_is_invented():
    # The seed gives links only.
    assert not Organisation.objects.exclude(phone="", email="", address="").exists()


def test_content_from_the_seed_gives_its_date_as_the_source_not_as_a_check():
    for model in (Topic, Organisation):
        assert set(model.objects.values_list("source_date", flat=True)) == {SEED_DATE}
        assert set(model.objects.values_list("last_checked", flat=True)) == {None}


def test_the_estimate_keeps_its_uncertainty_and_gives_the_period_it_covers():
    text = (DATA / "topics" / "background" / "nl.md").read_text(encoding="utf-8")
    assert "23.000 en 58.000" in text and "15.000" in text and "10.000 en 30.000" in text
    assert "onzeker" in text
    for path in DATA.glob("topics/background/*.md"):
        text = path.read_text(encoding="utf-8")
        assert "2017–2018" in text and "2018 – 2018" not in text, path


def test_every_file_states_the_dutch_version_it_is_or_is_based_on():
    for path in DATA.glob("topics/*/*.md"):
        key = "version" if path.stem == "nl" else "based_on"
        front_matter = path.read_text(encoding="utf-8").split("\n---\n")[0]
        assert re.search(rf"^{key}: \d+$", front_matter, re.MULTILINE), path
    for path in DATA.glob("organisations/*.yaml"):
        text = path.read_text(encoding="utf-8")
        key = "version" if path.stem == "nl" else "based_on"
        assert text.count(f"  {key}: ") == len(ORGANISATIONS), path


def test_english_translations_are_marked_as_machine_assisted():
    for path in DATA.glob("topics/*/en.md"):
        assert "machine_translated: true" in path.read_text(encoding="utf-8"), path


# --- What the City says, no more: the claims a review found overstated ---------------

#: Words for "safe" (and "secure", "certain") that must not describe reporting a crime
#: or return in any language.
SAFE = {
    "nl": r"veilig|zekerheid|goede keuze",
    "en": r"\bsafe|secur|certain|good choice",
    "es": r"segur",
    "fr": r"\bsûr|sans danger|sécurité",
    "pt": r"segur",
    "ar": r"آمن|أمان",
    "id": r"\baman\b|keamanan|lebih pasti",
    "tl": r"ligtas|mas sigurado",
}


def main_text(client, path):
    html = client.get(path).content.decode()
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return re.sub(r"<[^>]+>", " ", main)


@pytest.mark.parametrize("language", CODES)
def test_no_page_calls_reporting_a_crime_or_return_safe(client, language):
    """The City promises only that the police do not arrest and deport you straight
    away when you report, and that return can offer a more lasting prospect."""
    emergency = main_text(client, f"/{language}/").split("</aside>")[0]
    for text in [
        emergency,
        main_text(client, f"/{language}/topics/reporting-a-crime/"),
        main_text(client, f"/{language}/topics/return/"),
    ]:
        assert not re.search(SAFE[language], text, re.IGNORECASE), text


def test_the_dutch_keeps_the_hedges_of_the_city(client):
    housing = main_text(client, "/nl/topics/housing/")
    assert "Er is een mogelijkheid" in housing and "Ja, dat kan" not in housing
    police = main_text(client, "/nl/topics/reporting-a-crime/")
    assert "niet direct aan" in police and "identiteitsbewijs" in police
    lvv = main_text(client, "/nl/topics/lvv-programme/")
    assert "Misschien." in lvv and "komt in aanmerking" in lvv


@pytest.mark.parametrize("language", CODES)
def test_the_costs_of_care_keep_their_conditions_wherever_the_cak_is_named(client, language):
    health = Topic.objects.get(slug="health-care").translations.get(language_code=language)
    cak = Organisation.objects.get(slug="cak")
    for text in [health.summary, getattr(cak, localized("description", language))]:
        assert "CAK" in text and "Wlz" in text, text
    assert 'href="tel:112"' in client.get(f"/{language}/topics/health-care/").content.decode()


def test_the_dutch_cak_texts_say_the_patient_cannot_pay():
    summary = Topic.objects.get(slug="health-care").translations.get(language_code="nl").summary
    assert "niet betalen" in summary
    assert "niet betalen" in Organisation.objects.get(slug="cak").description_nl


@pytest.mark.parametrize("language", CODES)
def test_statements_of_2021_say_so(client, language):
    for slug in ["lvv-programme", "background"]:
        summary = Topic.objects.get(slug=slug).translations.get(language_code=language).summary
        assert "2021" in summary, (slug, summary)
    health = client.get(f"/{language}/topics/health-care/").content.decode()
    corona = health.split('id="corona-vaccination"')[1].split("</section>")[0]
    assert "2021" in corona


@pytest.mark.parametrize("language", CODES)
def test_no_page_gives_the_source_date_as_a_check_and_unchecked_pages_say_so(client, language):
    for path in [
        f"/{language}/topics/housing/",
        f"/{language}/about/",
        f"/{language}/organisations/cak/",
    ]:
        html = client.get(path).content.decode()
        assert '<time datetime="2021-09-21">' not in html, path
        assert "notice-unchecked" in html, path
