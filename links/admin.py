"""The links in the admin: each address with its last check and the pages it is on.

Nobody types these records: ``manage.py check_links`` writes them. Editors and
translators read them; editors, who may change the Dutch text, accept a redirect.
"""

from dataclasses import dataclass, field

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from content.admin.roles import EditorPermission, can_edit_dutch
from content.models import Organisation, SectionTranslation, Topic, TopicTranslation
from guide.languages import BY_CODE, CODES
from links.accepting import accept
from links.models import LinkCheck

#: What each kind of place is called, as its form calls it.
FIELD_LABELS = {
    "source_url": Topic._meta.get_field("source_url").verbose_name,
    "intro": TopicTranslation._meta.get_field("intro").verbose_name,
    "body": SectionTranslation._meta.get_field("body").verbose_name,
    "website": Organisation._meta.get_field("website").verbose_name,
    "description": Organisation._meta.get_field("description").verbose_name,
}


@dataclass
class Page:
    """One field of one page that links to an address, with the languages it does so in."""

    label: str
    url: str
    question: str
    field: str
    languages: list = field(default_factory=list)  # (code, Language, its form)


def pages(link):
    """Where ``link`` is, page by page (its places must be prefetched: ``with_places``)."""
    found = {}
    for place in link.occurrences.all():
        key = (place.topic_id, place.section_id, place.organisation_id, place.field)
        if key not in found:
            if place.organisation_id:
                label = str(place.organisation)
                url = reverse("admin:content_organisation_change", args=[place.organisation_id])
            else:
                label = str(place.topic)
                url = reverse("admin:content_topic_change", args=[place.topic_id])
            question = str(place.section) if place.section_id else ""
            found[key] = Page(label, url, question, FIELD_LABELS.get(place.field, place.field))
        if place.language in BY_CODE:
            in_language = found[key].url
            if place.topic_id:
                in_language += f"?language={place.language}"
            found[key].languages.append((place.language, BY_CODE[place.language], in_language))
    for page in found.values():
        page.languages.sort(key=lambda language: CODES.index(language[0]))
    return list(found.values())


def render_pages(link):
    return render_to_string("admin/links/pages.html", {"pages": pages(link)})


@admin.action(
    description=_("Accept the redirect: put the new address in every text"),
    permissions=["edit_dutch"],
)
def accept_redirects(model_admin, request, queryset):
    if not can_edit_dutch(request.user):
        raise PermissionDenied
    accepted = accept(queryset, request.user)
    if not (accepted.changed or accepted.refused or accepted.left or accepted.gone):
        model_admin.message_user(
            request, _("None of the selected links redirects: nothing changed."), messages.WARNING
        )
    for old, new, count in accepted.changed:
        model_admin.message_user(
            request,
            ngettext(
                "%(old)s is now %(new)s in %(count)d text. The translations stay as up to date as they were.",
                "%(old)s is now %(new)s in %(count)d texts. The translations stay as up to date as they were.",
                count,
            )
            % {"old": old, "new": new, "count": count},
            messages.SUCCESS,
        )
    for old, new in accepted.refused:
        model_admin.message_user(
            request,
            _("%(new)s is not an address the guide can link to: %(old)s was left as it is.")
            % {"old": old, "new": new},
            messages.ERROR,
        )
    for old in accepted.gone:
        model_admin.message_user(
            request,
            _("%(old)s is no longer in any text: nothing to change.") % {"old": old},
            messages.INFO,
        )
    for old in dict.fromkeys(old for old, _place in accepted.left):
        model_admin.message_user(
            request,
            _(
                "%(old)s could not be changed everywhere. Change it by hand where it is still listed."
            )
            % {"old": old},
            messages.WARNING,
        )


@admin.register(LinkCheck)
class LinkCheckAdmin(EditorPermission, admin.ModelAdmin):
    list_display = ["url", "last_result", "final_url", "checked_at", "found_on"]
    list_filter = ["result", "permanent", "reason"]
    search_fields = ["url", "final_url"]
    actions = [accept_redirects]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "address",
                    "last_result",
                    "status",
                    "final_url",
                    "permanent",
                    "detail",
                    "checked_at",
                    "failing_since",
                ]
            },
        ),
        (_("Where the guide links to it"), {"fields": ["found_on"]}),
    ]
    readonly_fields = ["address", "last_result", "found_on"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_places()

    # Written by ``manage.py check_links`` only.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("address"))
    def address(self, link):
        return format_html(
            '<a href="{}" rel="noreferrer noopener" target="_blank">{}</a>', link.url, link.url
        )

    @admin.display(description=_("last result"), ordering="result")
    def last_result(self, link):
        return link.summary()

    @admin.display(description=_("on"))
    def found_on(self, link):
        return render_pages(link)
