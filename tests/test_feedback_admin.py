"""The editors' inbox of readers' reports."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from content.models import Topic
from feedback.models import Report
from tests.editors import log_in
from tests.test_admin import member_of

pytestmark = pytest.mark.django_db

INBOX = reverse("admin:feedback_report_changelist")


@pytest.fixture
def report():
    return Report.objects.create(
        page="/es/topics/health-care/",
        topic=Topic.objects.get(slug="health-care"),
        language="es",
        text="El horario de la clínica cambió.",
    )


@pytest.mark.parametrize("role", ["Editor", "Translator"])
def test_editors_and_translators_read_the_inbox_and_mark_reports_handled(client, report, role):
    log_in(client, member_of(role, "lezer"))
    html = client.get(INBOX).content.decode()
    assert "El horario de la clínica cambió." in html
    assert "Spaans" in html  # the language, in the admin's Dutch
    assert 'href="/es/topics/health-care/"' in html
    assert reverse("admin:content_topic_change", args=[report.topic.pk]) in html
    response = client.post(
        INBOX, {"action": "mark_handled", "_selected_action": [report.pk]}, follow=True
    )
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.handled


def test_what_a_reader_wrote_cannot_be_changed_and_nobody_adds_a_report(client, report):
    log_in(client, member_of("Editor", "redacteur"))
    change = reverse("admin:feedback_report_change", args=[report.pk])
    client.post(change, {"text": "Veranderd", "handled": "on"})
    report.refresh_from_db()
    assert report.text == "El horario de la clínica cambió." and report.handled
    assert client.get(reverse("admin:feedback_report_add")).status_code == 403


def test_only_editors_delete_a_report(client, report):
    log_in(client, member_of("Translator", "vertaler"))
    delete = reverse("admin:feedback_report_delete", args=[report.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.logout()
    log_in(client, member_of("Editor", "redacteur"))
    client.post(delete, {"post": "yes"})
    assert not Report.objects.exists()


def test_the_inbox_shows_no_report_past_its_retention(client, report, settings):
    Report.objects.filter(pk=report.pk).update(
        received_on=timezone.localdate() - timedelta(days=settings.FEEDBACK_RETENTION_DAYS + 1)
    )
    log_in(client, member_of("Editor", "redacteur"))
    assert "El horario" not in client.get(INBOX).content.decode()
    assert not Report.objects.exists()


def test_without_the_second_step_the_inbox_does_not_open(client, report):
    client.force_login(member_of("Editor", "redacteur"))  # password only
    response = client.get(INBOX)
    assert response.status_code == 302 and "El horario" not in response.content.decode()


def test_the_admin_home_says_how_many_reports_wait(client, report):
    Report.objects.create(page=report.page, language="nl", text="Afgehandeld", handled=True)
    log_in(client, member_of("Translator", "vertaler"))
    html = client.get(reverse("admin:index")).content.decode()
    assert re.search(r'<p id="report-summary"><a href="[^"]+\?handled__exact=0">[^<]*1\b', html)
