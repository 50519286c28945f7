"""Editors and translators in the admin."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.urls import reverse
from reversion.models import Version

from content.freshness import State, organisation_state, topic_state
from content.models import Organisation, Section, Status, Topic
from tests.admin_forms import change_form_data
from tests.editors import log_in
from tests.factories import make_section, make_topic

pytestmark = pytest.mark.django_db


def member_of(group, username):
    user = User.objects.create_user(username, password="Long-enough-9", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(client):
    log_in(client, member_of("Editor", "redacteur"))
    return client


@pytest.fixture
def translator(client):
    log_in(client, member_of("Translator", "vertaler"))
    return client


def topic_url(topic, language):
    return reverse("admin:content_topic_change", args=[topic.pk]) + f"?language={language}"


def section_prefix(response, anchor):
    formset = response.context["inline_admin_formsets"][0].formset
    index = next(i for i, form in enumerate(formset.forms) if form.instance.anchor == anchor)
    return f"{formset.prefix}-{index}"


def post_topic(client, topic, language, **changes):
    url = topic_url(topic, language)
    page = client.get(url)
    assert page.status_code == 200
    prefixed = {}
    for name, value in changes.items():
        if name.startswith("section:"):
            _, anchor, field = name.split(":")
            prefixed[f"{section_prefix(page, anchor)}-{field}"] = value
        else:
            prefixed[name] = value
    return client.post(url, change_form_data(page, **prefixed))


def save_topic(client, topic, language, **changes):
    response = post_topic(client, topic, language, **changes)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def housing():
    return Topic.objects.get(slug="housing")


def title(topic, language):
    return topic.translations.get(language_code=language).title


# --- Every screen loads for every role ------------------------------------------------


@pytest.mark.parametrize("role", ["admin", "editor", "translator"])
def test_every_admin_screen_loads_for_every_role(request, role, client, admin_user):
    if role == "admin":
        log_in(client, admin_user)
    else:
        request.getfixturevalue(role)
    topic, organisation = housing(), Organisation.objects.get(slug="cak")
    screens = [
        reverse("admin:index"),
        reverse("admin:content_topic_changelist"),
        reverse("admin:content_topic_changelist") + "?overdue=yes",
        reverse("admin:content_topic_changelist") + "?translation=en:machine",
        reverse("admin:content_topic_changelist") + "?q=wonen",
        topic_url(topic, "nl"),
        topic_url(topic, "ar"),
        reverse("admin:content_topic_history", args=[topic.pk]),
        reverse("admin:content_organisation_changelist"),
        reverse("admin:content_organisation_changelist") + "?translation=tl:outdated",
        reverse("admin:content_organisation_change", args=[organisation.pk]),
        reverse("admin:content_organisation_history", args=[organisation.pk]),
        reverse("admin:content_translation_dashboard"),
    ]
    if role != "translator":
        screens += [
            reverse("admin:content_topic_add"),
            reverse("admin:content_organisation_add"),
            reverse("admin:content_topic_recoverlist"),
        ]
    for url in screens:
        assert client.get(url).status_code == 200, url


def test_the_admin_speaks_dutch_whatever_the_browser(editor):
    html = editor.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="nl"' in html
    assert "Onderwerpen" in html


def test_the_admin_home_links_to_the_dashboard(editor):
    html = editor.get(reverse("admin:index")).content.decode()
    assert reverse("admin:content_translation_dashboard") in html


# --- Minor edits and checked translations ---------------------------------------------


def test_a_normal_dutch_edit_makes_translations_outdated(editor):
    save_topic(editor, housing(), "nl", **{"section:social-housing:body": "Nee, dat kan niet."})
    assert topic_state(housing(), "en") == State.OUTDATED
    answer = Section.objects.get(topic=housing(), anchor="social-housing").translations.get(
        language_code="nl"
    )
    assert answer.body == "Nee, dat kan niet."


def test_a_minor_dutch_edit_keeps_translations_current(editor):
    save_topic(
        editor,
        housing(),
        "nl",
        minor_edit="on",
        title="Wonen.",
        **{
            "section:social-housing:body": "Nee. Ongedocumenteerden hebben geen recht op een sociale huurwoning!"
        },
    )
    assert topic_state(housing(), "en") == State.MACHINE


def test_a_translation_marked_checked_is_up_to_date_in_that_language(editor):
    save_topic(editor, housing(), "nl", **{"section:social-housing:body": "Nee, dat kan niet."})
    save_topic(editor, housing(), "en", mark_checked="on")
    assert topic_state(housing(), "en") == State.UP_TO_DATE
    assert topic_state(housing(), "fr") == State.OUTDATED


def test_the_dutch_tab_offers_minor_edit_and_the_others_checked(editor):
    dutch = editor.get(topic_url(housing(), "nl")).content.decode()
    english = editor.get(topic_url(housing(), "en")).content.decode()
    assert 'name="minor_edit"' in dutch and 'name="mark_checked"' not in dutch
    assert 'name="mark_checked"' in english and 'name="minor_edit"' not in english


def test_an_organisation_description_edit_and_check(editor):
    cak = Organisation.objects.get(slug="cak")
    url = reverse("admin:content_organisation_change", args=[cak.pk])
    response = editor.post(
        url, change_form_data(editor.get(url), description_nl="Het CAK betaalt.")
    )
    assert response.status_code == 302
    cak.refresh_from_db()
    assert organisation_state(cak, "en") == State.OUTDATED
    editor.post(url, change_form_data(editor.get(url), checked_languages=["en"]))
    cak.refresh_from_db()
    assert organisation_state(cak, "en") == State.UP_TO_DATE
    assert organisation_state(cak, "es") == State.OUTDATED


# --- Roles -------------------------------------------------------------------------------


def test_a_translator_can_change_a_translation(translator):
    save_topic(translator, housing(), "en", title="Housing and homes", mark_checked="on")
    assert title(housing(), "en") == "Housing and homes"
    assert topic_state(housing(), "en") == State.UP_TO_DATE


def test_a_translator_cannot_change_dutch(translator):
    post_topic(translator, housing(), "nl", title="Door vertaler veranderd")
    post_topic(translator, housing(), "nl", **{"section:social-housing:body": "Ook veranderd"})
    assert title(housing(), "nl") == "Wonen"
    answer = Section.objects.get(topic=housing(), anchor="social-housing").translations.get(
        language_code="nl"
    )
    assert answer.body.startswith("Nee.")


def test_a_translator_cannot_publish_or_unpublish(translator):
    post_topic(translator, housing(), "en", status=Status.DRAFT)
    assert housing().status == Status.PUBLISHED
    draft = make_topic("Concept", status=Status.DRAFT)
    post_topic(translator, draft, "en", status=Status.PUBLISHED, title="Draft", summary="x")
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_translator_cannot_add_or_delete(translator):
    assert translator.get(reverse("admin:content_topic_add")).status_code == 403
    delete = reverse("admin:content_topic_delete", args=[housing().pk])
    assert translator.post(delete, {"post": "yes"}).status_code == 403
    assert Topic.objects.filter(slug="housing").exists()


def test_a_translator_cannot_change_an_organisations_details(translator):
    cak = Organisation.objects.get(slug="cak")
    url = reverse("admin:content_organisation_change", args=[cak.pk])
    data = change_form_data(
        translator.get(url),
        description_nl="Veranderd",
        description_en="The CAK pays.",
        name="Other",
    )
    assert translator.post(url, data).status_code == 302
    cak.refresh_from_db()
    assert cak.name == "CAK" and cak.description_nl.startswith("Het CAK")
    assert cak.description_en == "The CAK pays."


def test_only_superusers_manage_accounts(editor):
    assert editor.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor.get(reverse("admin:auth_group_changelist")).status_code == 403


# --- Preview ---------------------------------------------------------------------------


def test_staff_preview_a_draft_as_readers_will_see_it(editor):
    draft = make_topic("Nog niet klaar", status=Status.DRAFT)
    make_section(draft, heading="Een vraag?", body="Een *antwoord*.")
    response = editor.get(f"/nl/preview/topics/{draft.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nog niet klaar</h1>" in html and "<em>antwoord</em>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"]


def test_nobody_else_sees_a_preview(client):
    draft = make_topic("Nog niet klaar", status=Status.DRAFT)
    assert client.get(f"/nl/preview/topics/{draft.slug}/").status_code == 404
    reader = User.objects.create_user("lezer", password="Long-enough-9")
    log_in(client, reader)
    assert client.get(f"/nl/preview/topics/{draft.slug}/").status_code == 404


def test_the_preview_shows_sanitised_text(editor):
    draft = make_topic("Concept", status=Status.DRAFT)
    make_section(draft, body="<script>alert(1)</script> [x](javascript:alert(1))")
    html = editor.get(f"/nl/preview/topics/{draft.slug}/").content.decode()
    assert "<script>alert" not in html and 'href="javascript:' not in html


# --- Dashboard and review ----------------------------------------------------------------


def test_the_dashboard_counts_match_the_data(editor):
    Topic.objects.get(slug="housing").delete_translation("tl")
    save_topic(editor, housing(), "nl", **{"section:social-housing:body": "Nee, dat kan niet."})
    response = editor.get(reverse("admin:content_translation_dashboard"))
    totals = {
        language.code: dict(zip(State, counts, strict=True))
        for language, counts in response.context["totals"]
    }
    assert totals["tl"][State.MISSING] == 1
    assert totals["en"][State.OUTDATED] == 1
    topics, organisations = Topic.objects.count(), Organisation.objects.count()
    for code, counts in totals.items():
        assert sum(counts.values()) == topics + organisations, code
    assert totals["nl"][State.UP_TO_DATE] == topics + organisations
    html = response.content.decode()
    assert topic_url(housing(), "tl") in html


def test_everything_from_2021_is_overdue_for_checking(editor):
    response = editor.get(reverse("admin:content_translation_dashboard"))
    assert list(response.context["overdue_topics"]) == list(Topic.objects.all())
    assert Organisation.objects.overdue().count() == Organisation.objects.count()


def test_checked_today_clears_overdue(editor):
    url = reverse("admin:content_topic_changelist")
    editor.post(url, {"action": "checked_today", "_selected_action": [housing().pk]})
    assert housing() not in Topic.objects.overdue()
    assert Version.objects.get_for_object(housing()).count() >= 1


# --- Validation -------------------------------------------------------------------------


def test_an_invalid_phone_number_is_explained_in_dutch(editor):
    cak = Organisation.objects.get(slug="cak")
    url = reverse("admin:content_organisation_change", args=[cak.pk])
    response = editor.post(url, change_form_data(editor.get(url), phone="call us"))
    assert response.status_code == 200
    assert "Vul een Nederlands telefoonnummer in" in response.content.decode()


@pytest.mark.parametrize("phone", ["020 123 4567", "+31 20 123 4567", "0800-1234", "0031201234567"])
def test_dutch_and_international_numbers_are_accepted(editor, phone):
    cak = Organisation.objects.get(slug="cak")
    url = reverse("admin:content_organisation_change", args=[cak.pk])
    assert editor.post(url, change_form_data(editor.get(url), phone=phone)).status_code == 302


def test_a_link_must_be_a_web_address(editor):
    cak = Organisation.objects.get(slug="cak")
    url = reverse("admin:content_organisation_change", args=[cak.pk])
    response = editor.post(url, change_form_data(editor.get(url), website="ftp://example.org/"))
    assert "begint met http:// of https://" in response.content.decode()


def test_a_published_topics_slug_cannot_change(editor):
    response = post_topic(editor, housing(), "nl", slug="wonen")
    assert response.status_code == 200
    assert "kan niet meer veranderen" in response.content.decode()
    assert Topic.objects.filter(slug="housing").exists()


def test_a_drafts_slug_can_still_change(editor):
    draft = make_topic("Concept", status=Status.DRAFT, slug="concept")
    save_topic(editor, draft, "nl", slug="beter-adres")
    assert Topic.objects.filter(slug="beter-adres").exists()


# --- History and restore --------------------------------------------------------------


def test_restoring_an_earlier_version_brings_back_text_and_translations(editor):
    save_topic(editor, housing(), "nl", title="Wonen (versie 1)")
    first = Version.objects.get_for_object(housing()).order_by("pk").last()
    save_topic(editor, housing(), "nl", title="Wonen (versie 2)")
    save_topic(editor, housing(), "en", title="Homes (version 2)")
    url = reverse("admin:content_topic_revision", args=[housing().pk, first.pk])
    response = editor.post(url, change_form_data(editor.get(url)))
    assert response.status_code == 302
    assert title(housing(), "nl") == "Wonen (versie 1)"
    assert title(housing(), "en") == "Housing"


def test_a_deleted_topic_can_be_recovered_with_its_translations(editor):
    save_topic(editor, housing(), "nl", title="Wonen")
    pk = housing().pk
    editor.post(reverse("admin:content_topic_delete", args=[pk]), {"post": "yes"})
    assert not Topic.objects.filter(pk=pk).exists()
    version = Version.objects.get_deleted(Topic).get(object_id=str(pk))
    url = reverse("admin:content_topic_recover", args=[version.pk])
    assert editor.post(url, change_form_data(editor.get(url))).status_code == 302
    topic = Topic.objects.get(pk=pk)
    assert title(topic, "ar") and title(topic, "nl") == "Wonen"
    assert topic.sections.count() == 2
    assert Section.objects.get(topic=topic, anchor="social-housing").translations.count() == 8


def test_a_revert_shows_on_the_public_page(editor, client):
    save_topic(editor, housing(), "nl", title="Wonen (versie 1)")
    first = Version.objects.get_for_object(housing()).order_by("pk").last()
    save_topic(editor, housing(), "nl", title="Wonen (versie 2)")
    url = reverse("admin:content_topic_revision", args=[housing().pk, first.pk])
    editor.post(url, change_form_data(editor.get(url)))
    assert "Wonen (versie 1)</h1>" in client.get("/nl/topics/housing/").content.decode()


# --- Accounts and password guessing ------------------------------------------------------


def test_repeated_failed_logins_lock_the_account_out_from_that_client(client, settings):
    member_of("Editor", "redacteur")
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "redacteur", "password": "wrong"})
    response = client.post(login, {"username": "redacteur", "password": "Long-enough-9"})
    assert response.status_code == 429
    assert "Te veel mislukte" in response.content.decode()
    assert "sessionid" not in response.cookies


def test_a_correct_password_before_the_limit_logs_in(client, settings):
    member_of("Editor", "redacteur")
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(login, {"username": "redacteur", "password": "wrong"})
    response = client.post(login, {"username": "redacteur", "password": "Long-enough-9"})
    assert response.status_code == 302


def test_an_editor_account_is_created_from_the_shell(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "A-long-passphrase-77")
    call_command("create_editor", "nieuw", "--email", "nieuw@example.org", stdout=StringIO())
    call_command("create_editor", "vertaler2", "--translator", stdout=StringIO())
    editor = User.objects.get(username="nieuw")
    assert editor.is_staff and not editor.is_superuser
    assert editor.check_password("A-long-passphrase-77")
    assert editor.has_perm("content.publish_topic")
    translator = User.objects.get(username="vertaler2")
    assert translator.has_perm("content.change_topic") and not translator.has_perm(
        "content.edit_dutch"
    )


def test_a_weak_password_is_refused(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "1234")
    with pytest.raises(CommandError):
        call_command("create_editor", "zwak", stdout=StringIO())
    assert not User.objects.filter(username="zwak").exists()
