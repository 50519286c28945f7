"""Two people editing the same page: the second sees the conflict, and no text is lost."""

import pytest
from django.test import Client
from django.urls import reverse

from content.models import Organisation, Section
from tests.admin_forms import change_form_data
from tests.editors import log_in
from tests.test_admin import housing, member_of, section_prefix, title, topic_url

pytestmark = pytest.mark.django_db


def logged_in(group, username):
    client = Client()
    log_in(client, member_of(group, username))
    return client


def open_topic(client, language):
    return client.get(topic_url(housing(), language))


def answer(anchor, language="nl"):
    section = Section.objects.get(topic=housing(), anchor=anchor)
    return section.translations.get(language_code=language).body


def with_answer(page, anchor, body):
    return change_form_data(page, **{f"{section_prefix(page, anchor)}-body": body})


def test_the_second_editor_sees_the_other_change_and_keeps_their_own_text():
    anna, bert = logged_in("Editor", "anna"), logged_in("Editor", "bert")
    annas_page, berts_page = open_topic(anna, "nl"), open_topic(bert, "nl")
    url = topic_url(housing(), "nl")
    assert (
        anna.post(url, with_answer(annas_page, "social-housing", "Nee (Anna).")).status_code == 302
    )

    response = bert.post(url, with_answer(berts_page, "social-housing", "Nee (Bert)."))
    html = response.content.decode()
    assert response.status_code == 200
    assert answer("social-housing") == "Nee (Anna)."  # nothing overwritten
    assert "Nee (Bert)." in html  # Bert's text is still in his form
    assert "Nee (Anna)." in html  # and he reads what Anna saved
    assert reverse("admin:content_topic_history", args=[housing().pk]) in html

    # Having read it, Bert saves again: now his version is kept, and Anna's stays in
    # the history.
    again = bert.post(url, change_form_data(response, **{}))
    assert again.status_code == 302
    assert answer("social-housing") == "Nee (Bert)."


def test_changes_to_different_fields_are_both_kept():
    anna, bert = logged_in("Editor", "anna"), logged_in("Editor", "bert")
    annas_page, berts_page = open_topic(anna, "nl"), open_topic(bert, "nl")
    url = topic_url(housing(), "nl")
    anna.post(url, change_form_data(annas_page, title="Wonen en huren"))
    assert bert.post(url, with_answer(berts_page, "social-housing", "Nee.")).status_code == 302
    assert title(housing(), "nl") == "Wonen en huren"
    assert answer("social-housing") == "Nee."


def test_translators_of_different_languages_never_conflict():
    carla, dina = logged_in("Translator", "carla"), logged_in("Translator", "dina")
    spanish, french = open_topic(carla, "es"), open_topic(dina, "fr")
    response = carla.post(
        topic_url(housing(), "es"), with_answer(spanish, "social-housing", "No (es).")
    )
    assert response.status_code == 302
    response = dina.post(
        topic_url(housing(), "fr"), with_answer(french, "social-housing", "Non (fr).")
    )
    assert response.status_code == 302
    assert answer("social-housing", "es") == "No (es)."
    assert answer("social-housing", "fr") == "Non (fr)."


def test_translators_of_one_organisation_in_different_languages_both_save():
    """The organisation's form holds every language at once."""
    carla, dina = logged_in("Translator", "carla"), logged_in("Translator", "dina")
    cak = Organisation.objects.get(slug="cak")
    url = reverse("admin:content_organisation_change", args=[cak.pk])
    spanish, french = carla.get(url), dina.get(url)
    assert (
        carla.post(url, change_form_data(spanish, description_es="El CAK (es).")).status_code == 302
    )
    assert (
        dina.post(url, change_form_data(french, description_fr="Le CAK (fr).")).status_code == 302
    )
    cak.refresh_from_db()
    assert (cak.description_es, cak.description_fr) == ("El CAK (es).", "Le CAK (fr).")


def test_two_editors_changing_an_organisations_website_conflict():
    anna, bert = logged_in("Editor", "anna"), logged_in("Editor", "bert")
    cak = Organisation.objects.get(slug="cak")
    url = reverse("admin:content_organisation_change", args=[cak.pk])
    annas_page, berts_page = anna.get(url), bert.get(url)
    anna.post(url, change_form_data(annas_page, website="https://anna.example/"))
    response = bert.post(url, change_form_data(berts_page, website="https://bert.example/"))
    assert response.status_code == 200
    assert "https://anna.example/" in response.content.decode()
    cak.refresh_from_db()
    assert cak.website == "https://anna.example/"
