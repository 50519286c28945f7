"""Two gunicorn instances on one PostgreSQL database and one Redis: an edit saved
through one is what the other serves next. Needs the servers on 127.0.0.1 (as on
these machines and in CI); skipped where they are missing."""

import socket
import sys
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest
import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from serve import gunicorn, manage, prepare, production_env

pytestmark = pytest.mark.instances

POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/5"


def reachable(port):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def shared_database():
    if not (reachable(5432) and reachable(6379)):
        pytest.skip("needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379")
    name = f"guide_instances_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def page(url):
    return urllib.request.urlopen(url, timeout=10).read().decode()


EDIT = """
from content.models import Section
answer = Section.objects.get(topic__slug="housing", anchor="social-housing").translations.get(language_code="nl")
answer.body = "Nee. Bewerkt via de eerste instantie."
answer.save()
"""


def test_an_edit_through_one_instance_is_served_by_the_other(shared_database, tmp_path):
    env = production_env(shared_database, tmp_path / "static", REDIS_URL=REDIS)
    redis.Redis.from_url(REDIS).flushdb()
    prepare(env)
    with gunicorn(env, workers=1) as first, gunicorn(env, workers=1) as second:
        path = "/nl/topics/housing/"
        assert "Bewerkt via de eerste instantie" not in page(second + path)  # now cached
        assert "Bewerkt via de eerste instantie" not in page(first + path)
        manage(env, "shell", "-c", EDIT)  # the ORM, with the instances' settings
        assert "Nee. Bewerkt via de eerste instantie." in page(second + path)
        assert "Nee. Bewerkt via de eerste instantie." in page(first + path)
