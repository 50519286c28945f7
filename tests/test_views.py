import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.views.defaults import server_error

from content.models import Status, Topic
from guide.languages import CODES
from tests.editors import log_in
from tests.factories import add_translation, make_organisation, make_section, make_topic
from tests.pages import public_paths

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", CODES)
def test_every_public_page_answers_in_every_language_with_one_h1(client, language):
    for path in public_paths(language):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert len(re.findall(r"<h1[ >]", html)) == 1, path
        assert f'<html lang="{language}"' in html, path


def test_the_language_choice_lists_every_language_in_its_own_script(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5").content.decode()
    names = re.findall(r'<a href="/(\w\w)/" lang="\1"', html)
    assert names[:2] == ["ar", "en"]
    assert sorted(names) == sorted(CODES)
    assert 'lang="ar" hreflang="ar" dir="rtl">العربية</a>' in html


def test_the_language_choice_sets_no_cookie(client):
    assert not client.get("/").cookies


def test_lang_parameter_on_the_language_choice_redirects(client):
    response = client.get("/?lang=pt")
    assert response.status_code == 302
    assert response["Location"] == "/pt/"


def test_home_shows_the_emergency_box_and_every_topic(client):
    html = client.get("/en/").content.decode()
    assert 'href="tel:112"' in html
    assert "free in, free out" in html
    for slug in ["health-care", "lvv-programme", "reporting-a-crime"]:
        assert f'href="/en/topics/{slug}/"' in html


def test_a_topic_page_has_its_questions_organisations_date_and_source(client):
    html = client.get("/nl/topics/health-care/").content.decode()
    assert '<h2 id="right-to-care"' in html
    assert 'href="#costs"' in html
    assert 'href="/nl/organisations/kruispost/"' in html
    assert "Uit de informatie van de gemeente Amsterdam van 21 september 2021." in html
    assert (
        'href="https://www.hetcak.nl/zakelijk/regelingen/onverzekerbare-vreemdelingen" rel="noreferrer"'
        in html
    )


def test_the_same_path_with_another_prefix_is_the_same_page(client):
    dutch = client.get("/nl/topics/housing/").content.decode()
    english = client.get("/en/topics/housing/").content.decode()
    assert "Wonen</h1>" in dutch
    assert "Housing</h1>" in english
    assert 'id="social-housing"' in dutch and 'id="social-housing"' in english


def test_a_draft_is_not_shown_to_the_public(client):
    draft = make_topic("Nog niet klaar", status=Status.DRAFT)
    assert client.get(f"/nl/topics/{draft.slug}/").status_code == 404
    assert "Nog niet klaar" not in client.get("/nl/").content.decode()


def test_an_unknown_topic_gets_a_not_found_page_in_the_readers_language(client):
    response = client.get("/nl/topics/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_an_unknown_language_prefix_is_not_found(client):
    assert client.get("/de/topics/health-care/").status_code == 404


def test_a_path_without_a_language_redirects_to_the_browsers_language(client):
    response = client.get("/topics/housing/", HTTP_ACCEPT_LANGUAGE="pt-BR")
    assert response.status_code == 302
    assert response["Location"] == "/pt/topics/housing/"


def test_a_removed_translation_falls_back_to_english_marked_as_such(client):
    Topic.objects.get(slug="housing").delete_translation("pt")
    html = client.get("/pt/topics/housing/").content.decode()
    assert '<h1 lang="en" dir="ltr">Housing</h1>' in html
    assert 'class="notice notice-fallback"' in html


def test_an_arabic_page_is_right_to_left_and_english_blocks_inside_it_left_to_right(client):
    Topic.objects.get(slug="housing").delete_translation("ar")
    html = client.get("/ar/topics/housing/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<h1 lang="en" dir="ltr">' in html


def test_machine_assisted_text_says_so_and_dutch_does_not(client):
    notice = "has not yet been checked by a person"
    assert notice in client.get("/en/topics/housing/").content.decode()
    assert (
        "nog niet door een mens gecontroleerd"
        not in client.get("/nl/topics/housing/").content.decode()
    )


def test_alternates_list_only_languages_the_topic_exists_in(client):
    topic = make_topic("Alleen Nederlands")
    make_section(topic)
    html = client.get(f"/nl/topics/{topic.slug}/").content.decode()
    assert re.findall(r'hreflang="(\w+)" href', html) == ["nl"]
    add_translation(topic, "en", title="English too", summary="Yes.")
    html = client.get(f"/nl/topics/{topic.slug}/").content.decode()
    assert re.findall(r'hreflang="(\w+)" href', html) == ["nl", "en"]


def test_the_language_switcher_links_to_this_page_in_every_language(client):
    html = client.get("/nl/topics/housing/").content.decode()
    for code in CODES:
        assert f'<a href="/{code}/topics/housing/" lang="{code}"' in html
    assert 'aria-current="page">Nederlands</a>' in html


def test_organisations_can_be_filtered_by_topic(client):
    html = client.get("/en/organisations/?topic=return").content.decode()
    assert "IOM" in html and "Bridge to Better" in html
    assert "Kruispost" not in html
    assert '<option value="return" selected>' in html


def test_an_unknown_topic_filter_explains_itself_and_still_lists_everything(client):
    response = client.get("/nl/organisations/?topic=<script>")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit onderwerp kennen we niet" in html
    assert "Kruispost" in html
    assert "<script>" not in html


def test_an_organisation_page_shows_its_link_and_topics(client):
    html = client.get("/en/organisations/iom/").content.decode()
    assert 'href="https://iom-nederland.nl/wat-wij-doen" rel="noreferrer"' in html
    assert 'href="/en/topics/return/"' in html


def test_the_cards_contact_buttons_speak_the_readers_language(client):
    arabic = client.get("/ar/topics/health-care/").content.decode()
    dutch = client.get("/nl/topics/health-care/").content.decode()
    assert 'الموقع الإلكتروني<span class="visually-hidden"> CAK</span>: hetcak.nl' in arabic
    assert 'Website<span class="visually-hidden"> CAK</span>: hetcak.nl' in dutch


def test_an_organisation_without_a_website_shows_no_empty_link(client):
    html = client.get("/nl/organisations/politie-amsterdam/").content.decode()
    assert "Website" not in html
    assert 'href="tel:' not in html


def test_the_background_page_is_at_about(client):
    html = client.get("/nl/about/").content.decode()
    assert "Over ongedocumenteerde Amsterdammers</h1>" in html
    assert "23.000 en 58.000" in html


@pytest.fixture
def rendered(settings):
    """Every request renders its page: no page cache."""
    settings.PAGE_CACHE_ENABLED = False


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_a_topic_page_costs_the_same_queries_with_3_or_30_organisations(client, rendered):
    topic = make_topic("Veel organisaties")
    make_section(topic)
    for _ in range(3):
        make_organisation(topics=[topic])
    with_three = queries_for(client, f"/nl/topics/{topic.slug}/")
    for _ in range(27):
        make_organisation(topics=[topic])
    assert queries_for(client, f"/nl/topics/{topic.slug}/") == with_three <= 5


@pytest.mark.parametrize(
    "path",
    [
        "/nl/",
        "/nl/organisations/",
        "/nl/organisations/?topic=health-care",
        "/nl/organisations/cak/",
        "/nl/about/",
    ],
)
def test_every_page_type_stays_within_five_queries(
    client, rendered, django_assert_max_num_queries, path
):
    with django_assert_max_num_queries(5):
        client.get(path)


def test_healthz_names_each_part_and_answers_for_any_host(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.content == b"database: ok\ncache: ok\n"
    assert response["Cache-Control"] == "no-store"


def test_livez_says_the_process_is_up(client):
    response = client.get("/livez", HTTP_HOST="10.0.0.7:8000")
    assert (response.status_code, response.content) == (200, b"ok\n")


def test_the_dutch_accessibility_address_leads_to_the_statement(client):
    response = client.get("/toegankelijkheid")
    assert response.status_code == 301
    assert response["Location"] == "/nl/accessibility/"
    assert "Toegankelijkheidsverklaring" in client.get("/nl/accessibility/").content.decode()


def test_a_topic_page_carries_a_qr_code_of_its_own_address_for_print(client):
    html = client.get("/tl/topics/housing/").content.decode()
    handout = html.split('class="print-only handout-link"')[1].split("</div>\n</div>")[0]
    assert "<svg" in handout
    assert "http://testserver/tl/topics/housing/" in handout


def test_a_form_that_fails_its_csrf_check_explains_itself(admin_user):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/admin/login/", {"username": admin_user.username, "password": "password"}
    )
    assert response.status_code == 403
    assert "Dit formulier kon niet worden verstuurd" in response.content.decode()


def test_a_server_error_page_speaks_the_readers_language(rf):
    with translation.override("ar"):
        response = server_error(rf.get("/ar/"))
        heading = translation.gettext("Something went wrong on our side")
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in html
    assert f"<h1>{heading}</h1>" in html and heading != "Something went wrong on our side"


def test_the_footer_marks_the_page_the_reader_is_on(client):
    footer = client.get("/ar/privacy/").content.decode().split('<footer class="site-footer">')[1]
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', footer) == ["/ar/privacy/"]
    assert footer.count("<a href=") == 5
    topic = client.get("/ar/topics/housing/").content.decode()
    assert 'aria-current="page"' not in topic.split('<footer class="site-footer">')[1]


def test_under_a_path_prefix_the_admin_and_the_language_links_keep_working(client, admin_user):
    """Served under /guide/ (SCRIPT_NAME), the admin keeps its rules and links keep
    the prefix."""
    log_in(client, admin_user)
    admin = client.get("/admin/", SCRIPT_NAME="/guide")
    assert admin.status_code == 200
    assert admin["Referrer-Policy"] == "same-origin"
    client.logout()
    page = client.get("/nl/topics/housing/", SCRIPT_NAME="/guide").content.decode()
    assert 'href="/guide/ar/topics/housing/"' in page
    redirect = client.get("/nl/topics/housing/?lang=ar", SCRIPT_NAME="/guide")
    assert redirect["Location"] == "/guide/ar/topics/housing/"
