import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.cache import caches
from django.utils import translation

from content.models import SearchEntry, Topic
from content.sync import load
from tests.link_server import TIMEOUT, LinkServer, keep_off_the_internet


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the guide's real content, loaded once per run.

    Returns the content serialised, for tests that commit (browser tests against the
    live server): the tables are emptied after each of them, and ``restore_content``
    puts it back.
    """
    with django_db_blocker.unblock():
        load()
        rows = [
            row
            for model in apps.get_app_config("content").get_models()
            if model is not SearchEntry  # made again from the content as it is saved
            for row in model.objects.all()
        ]
        # The roles' groups come from a migration; emptying the tables removes them too.
        rows += Group.objects.all()
        return serializers.serialize("json", rows, use_natural_foreign_keys=True)


@pytest.fixture
def restore_content(django_db_setup, transactional_db):
    if not Topic.objects.exists():
        for row in serializers.deserialize("json", django_db_setup):
            row.save()


@pytest.fixture(autouse=True)
def default_language():
    """A request activates its language for the thread; start each test from the default."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test rolls the database back; the pages cached from it must go too."""
    caches[settings.PAGE_CACHE_ALIAS].clear()


@pytest.fixture(scope="module")
def link_server():
    """A local web server with the answers a link checker must tell apart
    (``tests/link_server.py``), for one test module."""
    with LinkServer() as running:
        yield running


@pytest.fixture
def offline(monkeypatch, settings, link_server):
    """For link tests: nothing but the local server answers, the checker gives up after
    a short ``TIMEOUT``, and the server's records start empty."""
    keep_off_the_internet(monkeypatch)
    settings.LINK_CHECK_TIMEOUT = TIMEOUT
    link_server.reset()
