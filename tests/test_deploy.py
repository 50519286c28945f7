"""Production settings pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "guide.example.org",
    "SITE_URL": "https://guide.example.org",
}


def manage(*args, **env):
    environment = {**os.environ, **env}
    # Set by the test run itself (settings module, browser tests), not by production.
    for name in ["DJANGO_SETTINGS_MODULE", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"]:
        environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deployment_check_fails_without_a_secret_key():
    result = manage("check", "--deploy", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "guide.E001" in result.stderr and "Set the SECRET_KEY" in result.stderr


def start_web_server(**env):
    environment = {**os.environ, **env}
    for name in ["DJANGO_SETTINGS_MODULE", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"]:
        environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", "import guide.wsgi"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_the_web_server_refuses_to_start_without_a_secret_key():
    result = start_web_server(**{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


@pytest.mark.parametrize("site_url", ["", "guide.example.org", "https://guide.example.org/nl/"])
def test_the_web_server_refuses_to_start_without_a_usable_site_url(site_url):
    result = start_web_server(**{**PRODUCTION, "SITE_URL": site_url})
    assert result.returncode != 0
    assert "Set SITE_URL to the guide's public address" in result.stderr
    check = manage("check", "--deploy", **{**PRODUCTION, "SITE_URL": site_url})
    assert check.returncode != 0 and "guide.E002" in check.stderr


def test_commands_that_sign_nothing_run_without_a_secret_key():
    result = manage("makemigrations", "--check", "--dry-run", SECRET_KEY="")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("SECURE_SSL_REDIRECT", True),
        ("SESSION_COOKIE_SECURE", True),
        ("CSRF_COOKIE_SECURE", True),
        ("SECURE_HSTS_SECONDS", 31536000),
        ("DEBUG", False),
    ],
)
def test_production_defaults_are_the_safe_ones(setting, expected):
    code = f"from django.conf import settings; print(repr(settings.{setting}))"
    result = manage("shell", "-c", code, **PRODUCTION)
    assert result.stdout.strip().splitlines()[-1] == repr(expected), result.stderr
