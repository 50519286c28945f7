"""Remembered addresses are the ones reverse() gives, whatever the language or prefix."""

from django.urls import reverse, set_script_prefix
from django.utils import translation

from guide.addresses import address, addresses
from guide.languages import CODES


def test_an_address_is_reversed_in_the_active_language():
    for code in CODES:
        with translation.override(code):
            expected = reverse("content:organisation", kwargs={"slug": "kruispost"})
            assert address("content:organisation", slug="kruispost") == expected
            assert expected.startswith(f"/{code}/")


def test_an_address_follows_the_script_prefix():
    with translation.override("nl"):
        before = address("content:home")
        set_script_prefix("/guide/")
        try:
            assert address("content:home") == "/guide/nl/"
        finally:
            set_script_prefix("/")
        assert address("content:home") == before == "/nl/"


def test_many_addresses_at_once_are_each_the_same_as_one():
    targets = [("content:organisation", {"slug": slug}) for slug in ("a", "b")]
    with translation.override("ar"):
        assert addresses(targets) == [address(name, **kwargs) for name, kwargs in targets]
