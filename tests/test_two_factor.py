"""Two steps into the admin: a password, then a code from the editor's phone."""

from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from content.models import Status
from tests.factories import make_topic
from tests.test_admin import member_of

pytestmark = pytest.mark.django_db

PASSWORD = "Long-enough-9"
SECOND_STEP = reverse("admin:two_factor")


def password(client, username="redacteur"):
    return client.post(reverse("admin:login"), {"username": username, "password": PASSWORD})


def code_of(device):
    return f"{TOTP(device.bin_key).token():06d}"


@pytest.fixture
def editor_with_app():
    user = member_of("Editor", "redacteur")
    return user, TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def test_a_password_alone_opens_no_admin_page(client, editor_with_app):
    assert password(client)["Location"].startswith(SECOND_STEP)
    for url in [reverse("admin:index"), reverse("admin:content_topic_changelist")]:
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0].startswith(SECOND_STEP), url
    draft = make_topic("Concept", status=Status.DRAFT)
    assert client.get(f"/nl/preview/topics/{draft.slug}/").status_code == 404


def test_the_code_from_the_app_opens_the_admin(client, editor_with_app):
    _user, device = editor_with_app
    password(client)
    response = client.post(SECOND_STEP + "?next=/admin/content/topic/", {"code": code_of(device)})
    assert response["Location"] == "/admin/content/topic/"
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_wrong_code_is_refused_and_counted_until_the_account_is_locked(
    client, editor_with_app, settings
):
    _user, device = editor_with_app
    password(client)
    response = client.post(SECOND_STEP, {"code": "000000"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert AccessAttempt.objects.get(username="redacteur").failures_since_start == 1
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(SECOND_STEP, {"code": "000000"})
    response = client.post(SECOND_STEP, {"code": code_of(device)})
    assert response.status_code == 429
    assert client.get(reverse("admin:index"), follow=True).status_code != 200 or (
        client.get(reverse("admin:index"))["Location"].startswith(reverse("admin:login"))
    )


def test_the_first_log_in_sets_the_app_up_and_gives_backup_codes(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a person takes longer than the 1 s back-off
    member_of("Editor", "redacteur")
    password(client)
    page = client.get(SECOND_STEP)
    html = page.content.decode()
    assert "<svg" in html and "FreeOTP" in html
    device = TOTPDevice.objects.get(user__username="redacteur", confirmed=False)
    assert client.post(SECOND_STEP, {"code": "123456"}).status_code == 200  # not yet
    response = client.post(SECOND_STEP, {"code": code_of(device)})
    codes = [token.token for token in StaticToken.objects.filter(device__user=device.user)]
    assert len(codes) == 10 and all(code in response.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_backup_code_works_once(client, editor_with_app):
    user, _device = editor_with_app
    from guide.admin_site import backup_codes

    code = backup_codes(user)[0]
    password(client)
    assert client.post(SECOND_STEP, {"code": code}).status_code == 302
    client.logout()
    password(client)
    assert client.post(SECOND_STEP, {"code": code}).status_code == 200  # used up


def test_a_superuser_resets_a_lost_phone(client, editor_with_app):
    out = StringIO()
    call_command("reset_two_factor", "redacteur", stdout=out)
    assert "Removed 1 device" in out.getvalue()
    assert not TOTPDevice.objects.filter(user__username="redacteur", confirmed=True).exists()
    password(client)
    assert "FreeOTP" in client.get(SECOND_STEP).content.decode()  # set up anew


def test_after_the_second_step_a_foreign_next_leads_to_the_admin(client, editor_with_app):
    _user, device = editor_with_app
    password(client)
    response = client.post(SECOND_STEP + "?next=https://evil.example/", {"code": code_of(device)})
    assert response["Location"] == reverse("admin:index")
