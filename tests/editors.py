"""Editors in tests: logged in past both steps, as the admin requires.

The steps themselves (password, then a code from an authenticator app) are tested in
``tests/test_two_factor.py``; other tests start after them.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def log_in(client, user):
    client.force_login(user)
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="app", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
