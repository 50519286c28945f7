"""The public pages of the guide, for tests that visit all of them."""

from content.models import Organisation, Topic

#: A word that finds something in each language, for the search results page.
SEARCH_WORDS = {
    "nl": "huisarts", "en": "doctor", "es": "médico", "fr": "école", "pt": "escola",
    "ar": "محام", "id": "sekolah", "tl": "abogado",
}  # fmt: skip


def page_types(language):
    """One of each kind of page in ``language`` (every topic counts as its own kind)."""
    topics = Topic.objects.published().listed().values_list("slug", flat=True)
    return [
        f"/{language}/",
        *(f"/{language}/topics/{slug}/" for slug in topics),
        f"/{language}/organisations/",
        f"/{language}/organisations/kruispost/",
        f"/{language}/about/",
        f"/{language}/privacy/",
        f"/{language}/accessibility/",
        f"/{language}/topics/health-care/show/",
        f"/{language}/topics/health-care/report/",
        f"/{language}/topics/health-care/report/thanks/",
        f"/{language}/offline/",
        f"/{language}/search/?q={SEARCH_WORDS[language]}",
        f"/{language}/search/?q=qqqzzzx",
        f"/{language}/no-such-page/",
    ]


def public_paths(language):
    """Every public page in ``language``."""
    organisations = Organisation.objects.values_list("slug", flat=True)
    return [
        *(path for path in page_types(language) if "no-such-page" not in path),
        f"/{language}/organisations/?topic=health-care",
        *(f"/{language}/organisations/{slug}/" for slug in organisations),
    ]
