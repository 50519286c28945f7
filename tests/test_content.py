"""The guide's own content: all of the City's document, and nothing made up."""

import re
from pathlib import Path

import pytest

from content.models import Organisation, Topic
from content.sync import DEFAULT_DATA_DIR

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


def test_every_page_was_last_checked_on_the_seed_date():
    assert {str(date) for date in Topic.objects.values_list("last_checked", flat=True)} == {
        "2021-09-21"
    }


def test_the_estimate_keeps_its_uncertainty_and_avoids_the_seeds_typo():
    text = (DATA / "topics" / "background" / "nl.md").read_text(encoding="utf-8")
    assert "23.000 en 58.000" in text and "15.000" in text and "10.000 en 30.000" in text
    assert "onzeker" in text
    assert "2018 – 2018" not in text


def test_english_translations_are_marked_as_machine_assisted():
    for path in DATA.glob("topics/*/en.md"):
        assert "machine_translated: true" in path.read_text(encoding="utf-8"), path
