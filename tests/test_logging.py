"""The logs keep no trace of a visitor: no address, no query string."""

import contextlib
import logging
import urllib.error
import urllib.request

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
