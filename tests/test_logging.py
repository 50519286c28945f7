"""The logs keep no trace of a visitor: no address, no query string."""

import contextlib
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

from guide.log_filters import WithoutQueryString

VISITOR = "203.0.113.9"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    request = urllib.request.Request(
        url, headers={"X-Forwarded-For": VISITOR, "Referer": "https://example.org/from"}
    )
    with contextlib.suppress(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10).read()


def test_the_gunicorn_access_log_leaves_out_address_and_query(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "SECRET_KEY": "log-test-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECURE_SSL_REDIRECT": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )
    log = tmp_path / "gunicorn.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [Path(sys.executable).parent / "gunicorn", "guide.wsgi"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            fetch(f"http://127.0.0.1:{port}/healthz?who=secret-name")
            fetch(f"http://127.0.0.1:{port}/nl/bestaat-niet/?topic=secret-choice")
        finally:
            server.terminate()
            server.wait(timeout=10)
    text = log.read_text()
    access = [line for line in text.splitlines() if '"GET ' in line]
    assert any('"GET /nl/bestaat-niet/" 404' in line for line in access), text
    assert any('"GET /healthz" 200' in line for line in access), text
    for line in access:
        assert "127.0.0.1" not in line and VISITOR not in line, line
        assert "?" not in line and "secret" not in line, line
        assert "example.org" not in line and "urllib" not in line.lower(), line
    assert VISITOR not in text and "secret" not in text


def test_the_development_server_log_drops_query_strings():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /nl/organisations/?topic=housing HTTP/1.1", "200", "1234"),
        None,
    )
    assert WithoutQueryString().filter(record)
    assert record.getMessage() == '"GET /nl/organisations/ HTTP/1.1" 200 1234'
