import pytest

from content.sync import load


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the guide's real content, loaded once per run."""
    with django_db_blocker.unblock():
        load()
