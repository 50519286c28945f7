"""'Is something wrong or missing on this page?': a reader's report reaches the editors,
and nothing about the reader is kept."""

import re
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone

from content.models import Status
from feedback import tokens
from feedback.models import MAX_LENGTH, Report
from tests.factories import make_topic
from tests.pages import page_types

pytestmark = pytest.mark.django_db

PAGE = "/es/topics/health-care/"
READER = "203.0.113.7"


def form_of(client, page=PAGE):
    """The report form's fields as the page gives them."""
    html = client.get(page).content.decode()
    form = re.search(r'<form method="post" action="([^"]+)">(.*?)</form>', html, re.S)
    token = re.search(r'name="token" value="([^"]+)"', form[2])[1]
    return form[1], {"token": token, "website": ""}


def send(client, text, page=PAGE, address=READER, forwarded_for=None, **changes):
    action, fields = form_of(client, page)
    meta = {"REMOTE_ADDR": address}
    if forwarded_for:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(action, {**fields, "text": text, **changes}, **meta)


@pytest.fixture(autouse=True)
def empty_counts():
    caches["default"].clear()


def test_every_topic_and_organisation_page_ends_with_the_form_in_the_readers_language(client):
    html = client.get(PAGE).content.decode()
    assert "¿Hay algo incorrecto o falta algo en esta página?" in html
    assert 'action="/es/topics/health-care/report/"' in html
    organisation = client.get("/ar/organisations/kruispost/").content.decode()
    assert 'action="/ar/organisations/kruispost/report/"' in organisation


def test_a_report_reaches_the_editors_with_only_the_page_language_text_and_day(client):
    response = send(client, "El número de teléfono ya no funciona.")
    assert response.status_code == 303
    assert response["Location"] == "/es/topics/health-care/report/thanks/"
    report = Report.objects.get()
    assert (report.page, report.language, report.text, report.topic.slug) == (
        PAGE,
        "es",
        "El número de teléfono ya no funciona.",
        "health-care",
    )
    assert report.received_on == timezone.localdate() and not report.handled
    kept = {field.name for field in Report._meta.fields}
    assert kept == {
        "id",
        "page",
        "topic",
        "organisation",
        "language",
        "text",
        "received_on",
        "handled",
    }
    assert READER not in str(Report.objects.values().get())


def test_neither_the_page_nor_sending_sets_a_cookie(client):
    assert not client.get(PAGE).cookies
    response = send(client, "Falta la dirección.")
    thanks = client.get(response["Location"])
    assert not response.cookies and not thanks.cookies
    assert not client.cookies


def test_the_thank_you_page_says_what_happens_next_and_what_was_kept(client):
    send(client, "Falta la dirección.")
    thanks = client.get("/es/topics/health-care/report/thanks/")
    html = thanks.content.decode()
    assert thanks.status_code == 200 and '<html lang="es"' in html
    assert "Gracias por tu mensaje" in html
    assert "90" in html and "/es/privacy/#reports" in html
    assert 'href="/es/topics/health-care/"' in html


def test_an_empty_or_too_long_message_is_explained_and_kept(client):
    response = send(client, "   ")
    assert response.status_code == 400
    assert "Escribe qué está mal o qué falta." in response.content.decode()
    too_long = "x" * (MAX_LENGTH + 1)
    response = send(client, too_long)
    html = response.content.decode()
    assert response.status_code == 400 and too_long in html
    assert f"{MAX_LENGTH + 1}" in html and 'aria-invalid="true"' in html
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "token",
    ["", "made-up", tokens.token_for("/es/topics/housing/")],
    ids=["missing", "forged", "for-another-page"],
)
def test_a_form_without_a_valid_token_is_shown_again_with_the_message_kept(client, token):
    response = send(client, "La dirección cambió.", token=token)
    html = response.content.decode()
    assert response.status_code == 400
    assert "La dirección cambió." in html and "envíalo de nuevo" in html
    assert not Report.objects.exists()
    fresh = re.search(r'name="token" value="([^"]+)"', html)[1]
    again = client.post(
        "/es/topics/health-care/report/", {"token": fresh, "text": "La dirección cambió."}
    )
    assert again.status_code == 303 and Report.objects.count() == 1


def test_a_form_older_than_its_hours_is_refused_and_one_just_made_accepted(client, settings):
    hour = tokens._hour()
    with mock.patch.object(tokens, "_hour", return_value=hour - settings.FEEDBACK_FORM_HOURS - 1):
        old = tokens.token_for(PAGE)
    with mock.patch.object(tokens, "_hour", return_value=hour - settings.FEEDBACK_FORM_HOURS):
        oldest_accepted = tokens.token_for(PAGE)
    assert not tokens.is_valid(old, PAGE)
    assert tokens.is_valid(oldest_accepted, PAGE)
    assert tokens.token_for(PAGE) == tokens.token_for(PAGE)  # the page's bytes do not change


def test_a_bot_that_fills_in_the_hidden_field_is_thanked_and_nothing_kept(client):
    response = send(client, "Buy now", website="https://spam.example/")
    assert response.status_code == 303
    assert not Report.objects.exists()


def test_one_connection_is_limited_per_hour_and_its_address_is_not_kept(client, settings):
    for number in range(settings.FEEDBACK_REPORTS_PER_HOUR):
        assert send(client, f"Informe {number}").status_code == 303
    refused = send(client, "Uno más")
    assert refused.status_code == 429
    assert "Uno más" in refused.content.decode()  # kept, to send later
    assert send(client, "De otra persona", address="198.51.100.4").status_code == 303
    assert Report.objects.count() == settings.FEEDBACK_REPORTS_PER_HOUR + 1
    kept = caches["default"]._cache  # the memory cache's own store: keys, pickled values
    assert any("feedback:count:" in key for key in kept)
    assert not any(READER in key or READER.encode() in value for key, value in kept.items())


def test_behind_a_proxy_each_reader_is_counted_not_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_REPORTS_PER_HOUR = 1
    assert send(client, "Uno", forwarded_for="192.0.2.1").status_code == 303
    assert send(client, "Dos", forwarded_for="192.0.2.2").status_code == 303
    assert send(client, "Tres", forwarded_for="192.0.2.1").status_code == 429


def test_a_cache_that_fails_does_not_lose_the_report(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "gone": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers
            "OPTIONS": {"socket_connect_timeout": 0.2, "retry": None},
        },
    }
    settings.FEEDBACK_CACHE_ALIAS = "gone"
    assert send(client, "Aun así llega").status_code == 303
    assert Report.objects.get().text == "Aun así llega"


@pytest.mark.parametrize(
    "path",
    [
        "/es/topics/no-such-topic/report/",
        "/es/organisations/nobody/report/",
        "/xx/topics/health-care/report/",
    ],
)
def test_a_report_about_no_page_gets_the_not_found_page(client, path):
    assert client.post(path, {"text": "¿?"}).status_code == 404
    assert not Report.objects.exists()


def test_a_draft_has_no_form_to_send_to(client):
    draft = make_topic("Concept", status=Status.DRAFT)
    assert client.get(f"/nl/topics/{draft.slug}/report/").status_code == 404


def test_the_form_has_a_page_of_its_own_that_is_never_stored(client):
    response = client.get("/ar/topics/health-care/report/")
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="ar" dir="rtl">' in html
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in html
    assert 'href="/ar/topics/health-care/"' in html


def test_reports_are_deleted_after_the_retention_period(client, settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    today = timezone.localdate()

    def received(text, days_ago):
        return Report.objects.create(
            page=PAGE, language="es", text=text, received_on=today - timedelta(days=days_ago)
        )

    received("viejo", 31)
    kept = received("reciente", 30)
    out = StringIO()
    call_command("forget_old_reports", stdout=out)
    assert "Deleted 1 report" in out.getvalue()
    assert list(Report.objects.all()) == [kept]
    received("viejo", 40)
    send(client, "nuevo")  # a new report clears the old ones out too
    assert sorted(Report.objects.values_list("text", flat=True)) == ["nuevo", "reciente"]


def test_the_privacy_page_explains_reports_and_the_count(client):
    html = client.get("/en/privacy/").content.decode()
    assert 'id="reports"' in html
    assert "deleted after 90 days" in html
    assert "a secret that is replaced every day" in html


def test_the_report_pages_are_among_every_kind_of_page():
    assert "/tl/topics/health-care/report/" in page_types("tl")
    assert "/tl/topics/health-care/report/thanks/" in page_types("tl")


def test_a_form_shorter_lived_than_a_stored_page_is_warned_about(settings):
    from guide.checks import report_forms_outlive_stored_pages

    assert report_forms_outlive_stored_pages(None) == []
    settings.FEEDBACK_FORM_HOURS = 1
    assert [warning.id for warning in report_forms_outlive_stored_pages(None)] == ["guide.W001"]
