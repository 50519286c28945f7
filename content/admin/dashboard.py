"""One page that shows editors what needs attention in every language."""

from collections import Counter

from django.contrib import admin
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from content.checking import review_cutoff
from content.freshness import SHORT_LABELS, State, matrix, organisation_state, topic_state
from content.models import Organisation, Section, Topic
from guide.languages import LANGUAGES


def _cells(rows, change_url):
    """Each state with the link to where it is fixed: the object's form in that language."""
    return [
        (
            obj,
            [
                (
                    language,
                    states[language.code],
                    SHORT_LABELS[states[language.code]],
                    change_url(obj, language.code),
                )
                for language in LANGUAGES
            ],
        )
        for obj, states in rows
    ]


def _totals(rows):
    counts = {language.code: Counter() for language in LANGUAGES}
    for _obj, states in rows:
        for code, state in states.items():
            counts[code][state] += 1
    return [(language, [counts[language.code][state] for state in State]) for language in LANGUAGES]


def translation_dashboard(request):
    topics = Topic.objects.prefetch_related(
        "translations", Prefetch("sections", queryset=Section.objects.with_translations())
    )
    organisations = Organisation.objects.order_by("name")
    topic_rows = matrix(topics, topic_state)
    organisation_rows = matrix(organisations, organisation_state)

    def topic_url(topic, code):
        return reverse("admin:content_topic_change", args=[topic.pk]) + f"?language={code}"

    def organisation_url(organisation, code):
        return reverse("admin:content_organisation_change", args=[organisation.pk])

    context = {
        **admin.site.each_context(request),
        "title": _("Translations and checking"),
        "languages": LANGUAGES,
        "states": list(State),
        "topic_rows": _cells(topic_rows, topic_url),
        "organisation_rows": _cells(organisation_rows, organisation_url),
        "totals": _totals(topic_rows + organisation_rows),
        "overdue_topics": Topic.objects.overdue(),
        "overdue_organisations": Organisation.objects.overdue(),
        "review_cutoff": review_cutoff(),
    }
    return TemplateResponse(request, "admin/content/translation_dashboard.html", context)
