"""The guide as production runs it: several gunicorn workers and instances over one
database, with or without Redis, and what readers get when a part fails.

Each test starts what it needs, and what it breaks is its own: a redis-server on a
free port, a TCP proxy in front of the database. The machine's own PostgreSQL is only
asked to create and drop a database for the test; it is never stopped or cut off.
"""

import contextlib
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from redis import Redis

from scripts.serve import gunicorn, manage, prepare, production_env
from tests.servers import POSTGRES_PORT, TcpProxy, reachable, redis_server

pytestmark = pytest.mark.instances

POSTGRES = f"postgres://postgres@127.0.0.1:{POSTGRES_PORT}"
PAGE = "/nl/topics/housing/"
EDIT = """
from content.models import Section
answer = Section.objects.get(topic__slug="housing", anchor="social-housing").translations.get(language_code="nl")
answer.body = "Nee. Bewerkt: {marker}"
answer.save()
"""


def get(url, **headers):
    """``(status, headers, body)``, whatever the status."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def many(url, times=40):
    """``times`` requests, three at a time, so that every worker answers some."""
    with ThreadPoolExecutor(max_workers=3) as pool:
        return list(pool.map(lambda _n: get(url), range(times)))


@contextlib.contextmanager
def postgres_database():
    if not reachable(POSTGRES_PORT):
        pytest.skip(f"needs PostgreSQL on 127.0.0.1:{POSTGRES_PORT}")
    name = f"guide_instances_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres", "redis"])
def setup(request, tmp_path):
    """The supported set-ups: the embedded default (SQLite, pages in each worker's
    memory), PostgreSQL without Redis, and a shared Redis."""
    static = tmp_path / "static"
    if request.param == "postgres":
        with postgres_database() as name:
            env = production_env(f"{POSTGRES}/{name}", static)
            prepare(env)
            yield env
    elif request.param == "redis":
        with redis_server(tmp_path) as redis:
            env = production_env(
                f"sqlite:///{tmp_path / 'db.sqlite3'}", static, REDIS_URL=redis.url
            )
            prepare(env)
            yield env
    else:
        env = production_env(f"sqlite:///{tmp_path / 'db.sqlite3'}", static)
        prepare(env)
        yield env


def test_an_edit_is_served_by_every_worker_and_instance_at_once(setup):
    with gunicorn(setup, workers=3) as first, gunicorn(setup, workers=2) as second:
        for url in (first, second):
            assert all(status == 200 for status, _h, _b in many(url + PAGE))  # stored everywhere
        manage(setup, "shell", "-c", EDIT.format(marker="overal"))
        for url in (first, second):
            bodies = [body for _status, _headers, body in many(url + PAGE)]
            assert all("Nee. Bewerkt: overal" in body for body in bodies)
            assert len(set(bodies)) == 1


def test_with_redis_stopped_pages_are_still_served(tmp_path):
    with redis_server(tmp_path) as redis:
        env = production_env(
            f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "static", REDIS_URL=redis.url
        )
        prepare(env)
        with gunicorn(env, workers=2) as url:
            assert get(url + PAGE)[0] == 200
            redis.stop()
            for path in [PAGE, "/ar/", "/nl/organisations/", "/en/topics/return/"]:
                assert all(status == 200 for status, _h, _b in many(url + path, times=6)), path
            manage(env, "shell", "-c", EDIT.format(marker="tijdens de storing"))
            assert "tijdens de storing" in get(url + PAGE)[2]
            redis.start()
            assert "tijdens de storing" in get(url + PAGE)[2]


@pytest.fixture
def database_behind_a_proxy(tmp_path):
    """A PostgreSQL database reached through a proxy the test can cut."""
    with postgres_database() as name:
        direct = production_env(f"{POSTGRES}/{name}", tmp_path / "static")
        prepare(direct)
        proxy = TcpProxy(POSTGRES_PORT)
        try:
            yield (
                proxy,
                production_env(
                    f"postgres://postgres@127.0.0.1:{proxy.port}/{name}", tmp_path / "static"
                ),
            )
        finally:
            proxy.close()


def test_with_the_database_gone_readers_get_the_last_good_page_or_a_readable_503(
    database_behind_a_proxy,
):
    proxy, env = database_behind_a_proxy
    with gunicorn(env, workers=1) as url:
        seen_status, seen_headers, seen_body = get(url + PAGE)
        assert seen_status == 200
        proxy.close()

        status, headers, body = get(url + PAGE)
        assert (status, body) == (200, seen_body)  # the page read before, as it was
        assert headers["ETag"] == seen_headers["ETag"]
        assert "default-src 'self'" in headers["Content-Security-Policy"]

        status, headers, body = get(url + "/ar/topics/education/")  # never read
        assert status == 503
        assert headers["Retry-After"] == "120"
        assert '<html lang="ar" dir="rtl">' in body
        assert 'href="tel:112"' in body and "https://www.wereldhuis.org/" in body
        assert "Traceback" not in body

        status, _headers, body = get(url + "/healthz")
        assert (status, body) == (503, "database: unavailable\ncache: ok\n")
        assert get(url + "/livez")[0] == 200


def send_report(url, text):
    """A reader's report, sent as a browser does: the page's form, then a post."""
    _status, _headers, page = get(url + PAGE)
    token = re.search(r'name="token" value="([^"]+)"', page)[1]
    data = urllib.parse.urlencode({"token": token, "text": text, "website": ""}).encode()
    try:
        with urllib.request.urlopen(url + PAGE + "report/", data=data, timeout=10) as response:
            return response.status, response.url, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.url, error.headers


def test_the_limit_on_reports_holds_across_workers_and_keeps_no_address(tmp_path):
    with redis_server(tmp_path) as redis:
        env = production_env(
            f"sqlite:///{tmp_path / 'db.sqlite3'}",
            tmp_path / "static",
            REDIS_URL=redis.url,
            FEEDBACK_REPORTS_PER_HOUR="3",
        )
        prepare(env)
        with gunicorn(env, workers=3) as url:
            sent = [send_report(url, f"Melding {number}") for number in range(5)]
        assert [status for status, _url, _headers in sent] == [200, 200, 200, 429, 429]
        assert sent[0][1].endswith(PAGE + "report/thanks/")
        assert not any("Set-Cookie" in headers for _status, _url, headers in sent)
        store = Redis.from_url(redis.url)
        # (The page cache's keys name the site's host, which is 127.0.0.1 here too.)
        kept = [(key, store.get(key) or b"") for key in store.scan_iter("*feedback:*")]
        assert any(b"feedback:count:" in key for key, _value in kept)
        assert not any(b"127.0.0.1" in key + value for key, value in kept)
