"""Editors' accounts: lockout that works behind a proxy, and cookies and records that
stay with the admin."""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import RequestFactory
from django.urls import reverse

from guide.client_address import client_address
from tests.test_admin import member_of

pytestmark = pytest.mark.django_db

BALANCER = "10.0.0.5"


def request_from(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.7", "203.0.113.1"),  # no proxy: the header is the client's own word
        (1, "198.51.100.7", "198.51.100.7"),  # the balancer appended the client's address
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # what the client wrote is ignored
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7"),  # CDN, then balancer
        (2, "198.51.100.7", "203.0.113.1"),  # fewer entries than proxies: not trusted
    ],
)
def test_the_client_address_comes_from_the_trusted_proxies_only(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(request_from("203.0.113.1", forwarded)) == expected


def fail_logins(client, username, forwarded, times):
    for _ in range(times):
        client.post(
            reverse("admin:login"),
            {"username": username, "password": "wrong"},
            REMOTE_ADDR=BALANCER,
            HTTP_X_FORWARDED_FOR=forwarded,
        )


def log_in(client, forwarded):
    return client.post(
        reverse("admin:login"),
        {"username": "redacteur", "password": "Long-enough-9"},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_behind_a_proxy_an_attacker_locks_out_only_their_own_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    member_of("Editor", "redacteur")
    fail_logins(client, "redacteur", "198.51.100.66", settings.AXES_FAILURE_LIMIT)
    assert log_in(client, "198.51.100.66").status_code == 429
    assert log_in(client, "203.0.113.20").status_code == 302  # the editor, elsewhere


def test_a_made_up_forwarded_header_does_not_escape_the_lockout(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0  # reached directly: the header means nothing
    member_of("Editor", "redacteur")
    for number in range(settings.AXES_FAILURE_LIMIT):
        fail_logins(client, "redacteur", f"192.0.2.{number}", 1)
    assert log_in(client, "192.0.2.99").status_code == 429


def test_successful_log_ins_are_not_recorded_failures_are(client):
    member_of("Editor", "redacteur")
    fail_logins(client, "redacteur", None, 1)
    assert AccessAttempt.objects.count() == 1
    assert log_in(client, None).status_code == 302
    assert not AccessLog.objects.exists()


def test_the_csrf_cookie_stays_with_the_admin_and_the_browser_session(client):
    cookie = client.get(reverse("admin:login")).cookies["csrftoken"]
    assert cookie["path"] == "/admin/"
    assert not cookie["max-age"] and not cookie["expires"]
