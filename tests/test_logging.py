"""The logs keep no trace of a visitor: no address, no query string."""

import contextlib
import logging
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from guide.log_filters import WithoutQueryString
from scripts.serve import gunicorn, manage, production_env

VISITOR = "203.0.113.9"


def fetch(url):
    request = urllib.request.Request(
        url, headers={"X-Forwarded-For": VISITOR, "Referer": "https://example.org/from"}
    )
    with contextlib.suppress(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10).read()


def test_the_gunicorn_access_log_leaves_out_address_and_query(tmp_path):
    env = production_env(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "static")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    log = tmp_path / "gunicorn.log"
    with log.open("w") as output, gunicorn(env, workers=1, log=output) as url:
        fetch(f"{url}/healthz?who=secret-name")
        fetch(f"{url}/nl/bestaat-niet/?topic=secret-choice")
        fetch(f"{url}/nl/search/?q=secret-search")
    text = log.read_text()
    access = [line for line in text.splitlines() if '"GET ' in line]
    assert any('"GET /nl/bestaat-niet/" 404' in line for line in access), text
    assert any('"GET /healthz" 200' in line for line in access), text
    assert any('"GET /nl/search/" ' in line for line in access), text
    for line in access:
        assert "127.0.0.1" not in line and VISITOR not in line, line
        assert "?" not in line and "secret" not in line, line
        assert "example.org" not in line and "urllib" not in line.lower(), line
    assert VISITOR not in text and "secret" not in text


def send_raw(url, request_line):
    """A request as a broken client or a scanner sends it, byte for byte."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        connection.sendall(request_line + b"\r\nHost: 127.0.0.1\r\n\r\n")
        with contextlib.suppress(OSError):
            connection.recv(65536)


def test_the_gunicorn_error_log_leaves_out_address_and_query_of_malformed_requests(tmp_path):
    env = production_env(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "static")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    log = tmp_path / "gunicorn.log"
    with log.open("w") as output, gunicorn(env, workers=1, log=output) as url:
        send_raw(url, b"GET /nl/organisations/?topic=secret-choice\x01 HTTP/1.1")
        send_raw(url, b"GET /nl/?q=" + b"secret" * 1000 + b" HTTP/1.1")
        send_raw(url, b"GET /nl/?who=secret-name HTTP/9.9")
    text = log.read_text()
    assert "Invalid request from ip=-" in text, text  # what went wrong is still logged
    assert "secret" not in text, text
    for line in text.splitlines():
        if "Listening at" not in line:
            assert "127.0.0.1" not in line, line


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
