"""The editors' admin, behind two steps: a password, then a code from the editor's phone.

An account that can change what vulnerable readers are told needs more than a
password. After the password (Django's log-in, guarded by django-axes), an editor types
the six-digit code of an authenticator app (TOTP, django-otp) or one of their backup
codes. On the first log-in they set the app up by scanning a QR code and receive ten
backup codes, shown once. No SMS and no outside service. A wrong code counts as a
failed log-in for axes, so guessing codes locks the account out as guessing passwords
does. A superuser resets a lost phone with ``manage.py reset_two_factor USERNAME``.
"""

from base64 import b32encode

import django_otp
import segno
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib import admin
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def backup_codes(user):
    """Ten new backup codes for ``user`` (the old ones no longer work), each usable once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="backup")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    device.token_set.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


class GuideAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and request.user.is_verified()

    def login(self, request, extra_context=None):
        wanted = request.GET.get("next", "")
        if not (request.user.is_authenticated and request.user.is_staff):
            response = super().login(request, extra_context)
            if not (request.user.is_authenticated and request.user.is_staff):
                return response
            wanted = response["Location"]  # Django's log-in has checked it
        # The password is done; the second step is not.
        return redirect(reverse("admin:two_factor") + "?" + urlencode({"next": wanted}))

    def next_url(self, request):
        wanted = request.GET.get("next", "")
        safe = url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure())
        return wanted if safe and wanted else reverse("admin:index")

    def get_urls(self):
        return [
            path("two-factor/", self.two_factor, name="two_factor"),
            *super().get_urls(),
        ]

    def two_factor(self, request):
        """The second step: a code from the editor's app or a backup code; or, the
        first time, setting the app up."""
        user = request.user
        if not (user.is_authenticated and user.is_staff):
            return redirect("admin:login")
        if user.is_verified():
            return redirect(self.next_url(request))
        device = confirmed_device(user)
        if device is None:
            return self.set_up(request)
        credentials = {"username": user.get_username()}
        if AxesProxyHandler.is_locked(request, credentials):
            return TemplateResponse(request, "admin/locked_out.html", status=429)
        form = CodeForm(request.POST or None)
        if form.is_valid():
            code = form.cleaned_data["code"].replace(" ", "")
            verified = django_otp.match_token(user, code)
            if verified is not None:
                django_otp.login(request, verified)
                return redirect(self.next_url(request))
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            form.add_error("code", _("This code is not right, or no longer valid. Try again."))
        return self.page(request, "admin/two_factor/verify.html", {"form": form})

    def set_up(self, request):
        """The first log-in: scan the QR code, type the code the app shows."""
        user = request.user
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
        form = CodeForm(request.POST or None)
        if form.is_valid():
            if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
                device.confirmed = True
                device.save()
                django_otp.login(request, device)
                context = {"codes": backup_codes(user), "next": self.next_url(request)}
                return self.page(request, "admin/two_factor/backup_codes.html", context)
            form.add_error(
                "code", _("This code is not right. Check the time on your phone and try again.")
            )
        qr = segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)
        # segno writes only its own elements and path data: safe to mark safe.
        context = {"form": form, "qr": mark_safe(qr), "secret": secret_of(device)}
        return self.page(request, "admin/two_factor/set_up.html", context)

    def page(self, request, template, context):
        return TemplateResponse(
            request,
            template,
            {**self.each_context(request), "title": _("Log in: second step"), **context},
        )


def secret_of(device):
    """The device's key as an app accepts it typed in (base32, in groups of four)."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
