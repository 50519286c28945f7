from dataclasses import dataclass

from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from guide import languages
from guide.middleware import script_prefix


@dataclass(frozen=True)
class LanguageLink:
    language: languages.Language
    url: str
    current: bool


def language_links(request):
    """This page in every language; a page that was not found links to the home pages."""
    current = get_language()
    found = request.resolver_match is not None
    path, prefix = request.get_full_path_info(), script_prefix(request)
    return [
        LanguageLink(
            language,
            prefix
            + (languages.path_in_language(path, language.code) if found else f"/{language.code}/"),
            language.code == current,
        )
        for language in languages.LANGUAGES
    ]


def languages_context(request):
    return {
        "current_language": languages.active(),
        "language_links": SimpleLazyObject(lambda: language_links(request)),
    }
