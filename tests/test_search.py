"""Search in the reader's own language: what people type finds what the guide says."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from content import search
from content.models import Section, Status, Topic
from guide.languages import CODES
from tests.factories import make_organisation, make_section, make_topic

pytestmark = pytest.mark.django_db


def found(query, language):
    with translation.override(language):
        return [result.url for result in search.search(query, language)]


def page(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


# --- What people type, in every language ----------------------------------------------

#: For each language, words a reader might type, and the page or question they need
#: among the first three results: a doctor, a dentist, school, an internship, a lawyer,
#: reporting to the police, renting, shelter, return, sports fees.
TYPICAL = {
    "nl": [
        ("huisartsen", "health-care"), ("tandarts", "health-care/#costs"),
        ("school", "education"), ("stage", "education/#internships"),
        ("advocaat", "residence-permit"), ("aangifte politie", "reporting-a-crime"),
        ("huren", "housing"), ("opvang", "lvv-programme"), ("terugkeer", "return"),
        ("sportcontributie", "city-facilities"),
    ],
    "en": [
        ("doctor", "health-care"), ("dentists", "health-care/#costs"),
        ("school", "education"), ("internship", "education/#internships"),
        ("lawyers", "residence-permit"), ("report crime police", "reporting-a-crime"),
        ("renting", "housing"), ("shelter", "lvv-programme"), ("return", "return"),
        ("sports fees", "city-facilities"),
    ],
    "es": [
        ("medico", "health-care"), ("dentistas", "health-care/#costs"),
        ("escuela", "education"), ("practicas", "education/#internships"),
        ("abogado", "residence-permit"), ("denuncia policia", "reporting-a-crime"),
        ("alquilar", "housing"), ("acogida", "lvv-programme"), ("regresar", "return"),
        ("deporte", "city-facilities"),
    ],
    "fr": [
        ("medecin", "health-care"), ("dentistes", "health-care/#costs"),
        ("ecole", "education"), ("stage", "education/#internships"),
        ("avocat", "residence-permit"), ("plainte police", "reporting-a-crime"),
        ("louer", "housing"), ("hebergement", "lvv-programme"), ("retour", "return"),
        ("sport", "city-facilities"),
    ],
    "pt": [
        ("medico", "health-care"), ("dentistas", "health-care/#costs"),
        ("escola", "education"), ("estagio", "education/#internships"),
        ("advogado", "residence-permit"), ("boletim de ocorrencia", "reporting-a-crime"),
        ("alugar", "housing"), ("acolhimento", "lvv-programme"), ("retorno", "return"),
        ("esporte", "city-facilities"),
    ],
    "ar": [
        ("طبيب", "health-care"), ("أطباء الأسنان", "health-care/#costs"),
        ("المدرسة", "education"), ("تدريب", "education/#internships"),
        ("محام", "residence-permit"), ("بلاغ الشرطة", "reporting-a-crime"),
        ("استئجار", "housing"), ("إيواء", "lvv-programme"), ("العودة", "return"),
        ("الرياضة", "city-facilities"),
    ],
    "id": [
        ("dokter", "health-care"), ("dokter gigi", "health-care/#costs"),
        ("sekolah", "education"), ("magang", "education/#internships"),
        ("pengacara", "residence-permit"), ("melapor polisi", "reporting-a-crime"),
        ("menyewa", "housing"), ("penampungan", "lvv-programme"), ("kembali", "return"),
        ("olahraga", "city-facilities"),
    ],
    "tl": [
        ("doctor", "health-care"), ("dentista", "health-care/#costs"),
        ("paaralan", "education"), ("internship", "education/#internships"),
        ("abogado", "residence-permit"), ("pulis", "reporting-a-crime"),
        ("upa", "housing"), ("tirahan", "lvv-programme"), ("bumalik balik", "return"),
        ("sports", "city-facilities"),
    ],
}  # fmt: skip


@pytest.mark.parametrize("language", CODES)
def test_what_people_type_finds_the_right_page_in_the_first_three(language):
    for words, wanted in TYPICAL[language]:
        first_three = found(words, language)[:3]
        assert any(f"/topics/{wanted}" in url for url in first_three), (words, first_three)


# --- How words are compared ---------------------------------------------------------


def test_case_accents_and_marks_do_not_matter():
    assert "/fr/topics/education/#right-to-education" in found("ECOLE", "fr")
    assert "/es/topics/health-care/" in found("MEDICO", "es")
    assert search.fold("École Médico") == search.fold("ecole medico")


def test_arabic_ignores_tashkeel_and_writes_alef_hamza_and_ta_marbuta_one_way():
    assert search.fold("محامٍ") == search.fold("محام")
    assert search.fold("أطباء") == search.fold("اطباء") == search.fold("إطباء")
    assert search.fold("الصحة") == search.fold("الصحه")
    assert search.fold("مستشفى") == search.fold("مستشفي")
    assert "/ar/topics/residence-permit/" in found("مُحَامٍ", "ar")


def test_plurals_and_inflections_find_each_other():
    assert any("/nl/topics/health-care/" in url for url in found("huisartsen", "nl"))
    assert any("/en/topics/residence-permit/" in url for url in found("lawyers", "en"))


def test_part_of_a_compound_still_finds_something():
    """No Dutch word is just "arts": it is found inside "huisarts"."""
    assert any("/nl/topics/health-care/" in url for url in found("arts", "nl"))


def test_a_tagalog_reader_finds_english_text_after_tagalog_text(client):
    topic = Topic.objects.get(slug="housing")
    make_section(
        topic, "Kumusta ang renta?", "Ang renta sa lungsod.", language="tl", anchor="renta-tl"
    )
    english_only = make_section(topic, "What about rent?", "The rent in the city.", language="en")
    with translation.override("tl"):
        results = search.search("renta rent", "tl")
    urls = [result.url for result in results]
    assert urls.index("/tl/topics/housing/#renta-tl") < urls.index(
        f"/tl/topics/housing/#{english_only.anchor}"
    )
    html = page(client, "tl", "rent")
    assert (
        f'href="/tl/topics/housing/#{english_only.anchor}" lang="en" dir="ltr">What about rent?'
        in html
    )


# --- What is found, and when ------------------------------------------------------------


def test_drafts_are_never_found_and_unpublishing_hides_a_topic():
    draft = make_topic("Geheim concept", status=Status.DRAFT)
    make_section(draft, "Geheime vraag?", "Geheimzinnig antwoord.")
    assert found("geheimzinnig", "nl") == []
    housing = Topic.objects.get(slug="housing")
    housing.status = Status.DRAFT
    housing.save()
    assert not any("/topics/housing/" in url for url in found("sociale huurwoning", "nl"))
    housing.status = Status.PUBLISHED
    housing.save()
    assert any("/topics/housing/" in url for url in found("sociale huurwoning", "nl"))


def test_an_edit_is_found_at_once():
    answer = Section.objects.get(topic__slug="housing", anchor="social-housing")
    dutch = answer.translations.get(language_code="nl")
    dutch.body = "Nee. Vraag ernaar bij de woningcorporatie."
    dutch.save()
    assert "/nl/topics/housing/#social-housing" in found("woningcorporaties", "nl")
    organisation = make_organisation("Stichting Zeldzaam", description_nl="Helpt met fietsen.")
    assert f"/nl/organisations/{organisation.slug}/" in found("fietsen", "nl")
    organisation.delete()
    assert found("zeldzaam", "nl") == []


def test_rebuilding_the_index_finds_the_same(capsys):
    before = found("huisarts", "nl")
    from django.core.management import call_command

    call_command("rebuild_search_index")
    assert found("huisarts", "nl") == before
    assert "texts can be found" in capsys.readouterr().out


# --- The page ------------------------------------------------------------------------------


def test_results_show_title_topic_and_a_snippet_with_the_words_marked(client):
    html = page(client, "en", "dentists")
    assert '<a href="/en/topics/health-care/#costs">How are the costs paid?</a>' in html
    assert "Question about: Health care" in html
    assert "<mark>dentists</mark>" in html


def test_a_snippet_is_escaped_around_its_marks():
    snippet = search.snippet("Kies <b>huisarts</b> & apotheek", ["huisarts"], "nl")
    assert str(snippet) == "Kies &lt;b&gt;<mark>huisarts</mark>&lt;/b&gt; &amp; apotheek"


def test_no_results_gives_a_friendly_page_with_the_topics(client):
    html = page(client, "ar", "qqqzzzx")
    with translation.override("ar"):
        nothing = translation.gettext("Nothing was found for “%(query)s”.") % {"query": "qqqzzzx"}
    assert nothing in html and nothing.startswith("لم")
    assert 'href="/ar/topics/health-care/"' in html
    assert 'href="/ar/organisations/"' in html


def test_every_page_has_a_search_field_and_the_language_choice_has_none(client):
    for path in ["/nl/", "/ar/topics/housing/", "/en/organisations/", "/tl/no-such-page/"]:
        html = client.get(path).content.decode()
        assert '<form class="search site-search" method="get" action="' in html, path
        assert 'type="search" id="site-search-q" name="q"' in html, path
    assert 'name="q"' not in client.get("/").content.decode()


def test_a_search_is_neither_stored_indexed_nor_remembered(client):
    response = client.get("/nl/search/", {"q": "huisarts"})
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert not response.cookies
    with CaptureQueriesContext(connection) as captured:
        client.get("/nl/search/", {"q": "huisarts"})
    assert len(captured) > 0  # asked again, not served from the page cache


def test_other_parameters_lead_to_the_clean_search(client):
    response = client.get("/nl/search/?q=zorg&utm_source=x")
    assert (response.status_code, response["Location"]) == (301, "/nl/search/?q=zorg")


def test_the_query_is_in_no_log(client, caplog):
    with caplog.at_level(logging.DEBUG):
        client.get("/nl/search/", {"q": "geheim-woord"})
        client.get("/nl/search/", {"q": "geheim-woord", "x": "1"})
    assert "geheim-woord" not in caplog.text
