"""XLIFF in the admin: the export action on the topics and the upload page."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from content.models import Section, Topic
from content.xliff.exporting import export
from tests.editors import log_in
from tests.factories import add_translation
from tests.test_admin import member_of
from tests.test_xliff import NEW_ANSWER, answer, edit, housing, spanish_texts

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:content_topic_changelist")
UPLOAD = reverse("admin:content_topic_import_xliff")


@pytest.fixture(autouse=True)
def english_admin(settings):
    """The messages as written: the catalogues translate them for Dutch editors."""
    settings.ADMIN_LANGUAGE = "en"


def export_action(client, topics, **form):
    data = {"action": "export_for_translators", "_selected_action": [t.pk for t in topics]}
    if form:
        data |= {"xliff_export": "1", **form}
    return client.post(CHANGELIST, data)


def translated_housing_file(tmp_path, targets=None):
    """The Spanish housing file as a translator returns it, the Dutch unchanged."""
    path = tmp_path / "topic-housing.es.xlf"
    path.write_bytes(
        export("es", topics=Topic.objects.filter(slug="housing"), organisations=False)[path.name]
    )
    return edit(path, targets or {"housing#renting-or-buying.body": NEW_ANSWER})


def upload(client, *paths, **form):
    files = [SimpleUploadedFile(path.name, path.read_bytes()) for path in paths]
    return client.post(UPLOAD, {"language": "es", "files": files, **form})


@pytest.fixture
def editor(client):
    return log_in(client, member_of("Editor", "redacteur"))


# --- Export ----------------------------------------------------------------------------


def test_the_export_action_asks_for_a_language_then_downloads_a_zip(editor):
    topics = Topic.objects.filter(slug__in=["housing", "education"])
    page = export_action(editor, topics)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="language"' in html and 'name="only"' in html and "Housing" in html

    response = export_action(editor, topics, language="es", organisations="on")
    assert response["Content-Type"] == "application/zip"
    assert 'filename="guide-es.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == [
        "organisations.es.xlf",
        "topic-education.es.xlf",
        "topic-housing.es.xlf",
    ]


def test_one_topic_comes_as_one_file(client):
    translator = log_in(client, member_of("Translator", "vertaler"))
    response = export_action(translator, Topic.objects.filter(slug="housing"), language="fr")
    assert response["Content-Type"] == "application/x-xliff+xml"
    assert 'filename="topic-housing.fr.xlf"' in response["Content-Disposition"]
    assert b'target-language="fr"' in response.content


def test_an_export_with_nothing_to_translate_says_so(editor):
    response = export_action(
        editor, Topic.objects.filter(slug="housing"), language="es", only="missing"
    )
    assert response.status_code == 302
    assert "nothing to translate" in editor.get(response["Location"]).content.decode()


def test_the_dutch_cannot_be_exported_for_translation(editor):
    page = export_action(editor, Topic.objects.filter(slug="housing"), language="nl")
    assert page.status_code == 200 and "Select a valid choice" in page.content.decode()


# --- Import ----------------------------------------------------------------------------


def test_the_topic_list_links_to_the_upload_page(editor):
    assert UPLOAD in editor.get(CHANGELIST).content.decode()
    page = editor.get(UPLOAD)
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.content.decode()


@pytest.mark.parametrize("role", ["Editor", "Translator"])
def test_editors_and_translators_import_a_translators_file(client, tmp_path, role):
    user = member_of(role, "someone")
    log_in(client, user)
    response = upload(client, translated_housing_file(tmp_path))
    assert response.status_code == 302 and response["Location"] == CHANGELIST
    assert "6 texts imported in Spanish (0 unchanged)" in client.get(CHANGELIST).content.decode()
    renting = answer("housing", "renting-or-buying")
    assert renting.body == NEW_ANSWER and not renting.machine_translated
    revision = Version.objects.get_for_object(housing()).first().revision
    assert revision.user == user and "topic-housing.es.xlf" in revision.get_comment()


def test_a_tampered_upload_shows_what_is_wrong_and_changes_nothing(editor, tmp_path):
    path = translated_housing_file(
        tmp_path, {"housing#renting-or-buying.body": "Mira [aquí](https://evil.example/)."}
    )
    before = spanish_texts()
    page = upload(editor, path)
    html = page.content.decode()
    assert page.status_code == 200 and "Nothing was imported" in html
    assert "links not in the Dutch: https://evil.example/" in html
    assert "Import anyway" not in html
    assert spanish_texts() == before


def test_a_file_in_the_wrong_language_is_refused(editor, tmp_path):
    page = upload(editor, translated_housing_file(tmp_path), language="fr")
    assert "It is in es, not in fr" in page.content.decode()
    assert answer("housing", "renting-or-buying").body != NEW_ANSWER


def test_after_a_dutch_change_the_upload_is_imported_only_when_asked(editor, tmp_path):
    path = translated_housing_file(tmp_path)
    add_translation(Section.objects.get(anchor="renting-or-buying"), "nl", body="Nieuw.")
    page = upload(editor, path)
    html = page.content.decode()
    assert "The Dutch changed after these files were exported" in html and "Import anyway" in html
    assert answer("housing", "renting-or-buying").body != NEW_ANSWER

    token = re.search(r'name="confirm" value="([^"]+)"', html)[1]
    forged = editor.post(UPLOAD, {"confirm": token[:-2] + "xx"})
    assert "This choice has expired" in forged.content.decode()
    assert answer("housing", "renting-or-buying").body != NEW_ANSWER

    response = editor.post(UPLOAD, {"confirm": token})
    assert response.status_code == 302
    assert answer("housing", "renting-or-buying").body == NEW_ANSWER


def test_another_user_cannot_use_an_editors_import_anyway(editor, tmp_path):
    path = translated_housing_file(tmp_path)
    add_translation(Section.objects.get(anchor="renting-or-buying"), "nl", body="Nieuw.")
    html = upload(editor, path).content.decode()
    token = re.search(r'name="confirm" value="([^"]+)"', html)[1]
    other = log_in(Client(), member_of("Translator", "vertaler"))
    assert "This choice has expired" in other.post(UPLOAD, {"confirm": token}).content.decode()
    assert answer("housing", "renting-or-buying").body != NEW_ANSWER


def test_an_upload_too_large_is_refused_unread(editor, tmp_path):
    big = tmp_path / "big.xlf"
    big.write_bytes(b"<x>" + b" " * (1024 * 1024) + b"</x>")
    response = upload(editor, big)
    assert response.status_code == 413 and "larger than 1 MB" in response.content.decode()


def test_an_upload_needs_the_csrf_token(tmp_path):
    client = log_in(Client(enforce_csrf_checks=True), member_of("Editor", "redacteur"))
    response = upload(client, translated_housing_file(tmp_path))
    assert response.status_code == 403
    assert answer("housing", "renting-or-buying").body != NEW_ANSWER


def to_log_in(response):
    return response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


def test_nobody_imports_or_exports_without_both_log_in_steps(client, tmp_path):
    path = translated_housing_file(tmp_path)
    assert to_log_in(client.get(UPLOAD)) and to_log_in(upload(client, path))
    client.force_login(member_of("Editor", "redacteur"))  # the password, but not the code
    assert to_log_in(upload(client, path))
    assert to_log_in(export_action(client, Topic.objects.all(), language="es"))
    assert answer("housing", "renting-or-buying").body != NEW_ANSWER


def test_staff_without_the_permission_cannot_import(client, django_user_model, tmp_path):
    user = django_user_model.objects.create_user("staff", password="Long-enough-9", is_staff=True)
    log_in(client, user)
    assert upload(client, translated_housing_file(tmp_path)).status_code == 403
    assert answer("housing", "renting-or-buying").body != NEW_ANSWER
