from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info
from modeltranslation import settings as modeltranslation_settings
from parler import appsettings as parler_settings

from guide import languages


def test_django_languages_come_from_the_registry():
    assert [code for code, _name in settings.LANGUAGES] == [
        "nl",
        "en",
        "es",
        "fr",
        "pt",
        "ar",
        "id",
        "tl",
    ]
    assert settings.LANGUAGES_BIDI == ["ar"]


def test_tagalog_is_known_to_django():
    info = get_language_info("tl")
    assert info["name_local"] == "Tagalog"
    assert info["bidi"] is False


def test_arabic_is_right_to_left_and_named_in_arabic():
    assert get_language_info("ar")["bidi"] is True
    assert languages.BY_CODE["ar"].name_local == "العربية"
    assert languages.BY_CODE["ar"].direction == "rtl"


def test_both_translation_libraries_fall_back_to_english_then_dutch():
    parler_fallbacks = parler_settings.PARLER_LANGUAGES.get_fallback_languages("pt")
    assert parler_fallbacks == ["en", "nl"]
    assert modeltranslation_settings.FALLBACK_LANGUAGES["default"] == ("en", "nl")
    assert modeltranslation_settings.AVAILABLE_LANGUAGES == list(languages.CODES)


def test_fallback_chain_starts_with_the_requested_language_and_never_repeats():
    assert languages.fallback_chain("pt") == ("pt", "en", "nl")
    assert languages.fallback_chain("en") == ("en", "nl")
    assert languages.fallback_chain("nl") == ("nl", "en")


def test_preferred_languages_come_first_in_the_browsers_order():
    ordered = languages.by_preference("pt-BR,pt;q=0.9,ar;q=0.8,en;q=0.5")
    assert [language.code for language in ordered[:3]] == ["pt", "ar", "en"]
    assert len(ordered) == len(languages.LANGUAGES)


def test_filipino_browsers_get_tagalog_first():
    assert languages.by_preference("fil-PH")[0].code == "tl"


def test_a_junk_accept_language_header_keeps_the_default_order():
    assert languages.by_preference("\x00;;;q=abc,***") == list(languages.LANGUAGES)


def test_the_same_page_in_another_language_changes_only_the_prefix():
    assert (
        languages.path_in_language("/nl/topics/housing/?topic=x", "ar")
        == "/ar/topics/housing/?topic=x"
    )
    assert languages.path_in_language("/en/", "tl") == "/tl/"
    assert languages.path_in_language("/", "pt") == "/pt/"
    assert languages.path_in_language("/healthz", "es") == "/es/"


def test_the_active_language_falls_back_to_the_one_djangos_interface_falls_back_to():
    with translation.override("ar"):
        assert languages.active().code == "ar"
    with translation.override(None):  # no language active: Django's LANGUAGE_CODE speaks
        assert languages.active().code == settings.LANGUAGE_CODE == "en"


def test_at_most_three_preferred_languages_move_up():
    """The rest keep the registry's order: the language choice has a bounded number of
    variants for the page cache to store."""
    ordered = languages.by_preference("tl,id,ar,pt,fr,es")
    assert [language.code for language in ordered] == [
        "tl",
        "id",
        "ar",
        "nl",
        "en",
        "es",
        "fr",
        "pt",
    ]
