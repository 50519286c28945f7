from django.contrib import admin
from django.db import models
from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from parler.admin import TranslatableAdmin, TranslatableStackedInline
from reversion.admin import VersionAdmin

from content.admin import dashboard
from content.admin.forms import SectionAdminForm, TopicAdminForm
from content.admin.review import OverdueFilter, TranslationStateFilter, checked_today
from content.admin.roles import can_edit_dutch, can_publish
from content.freshness import topic_state
from content.models import Section, Topic
from content.versioning import is_source
from guide.languages import LANGUAGES

# A link typed without a scheme is taken as https (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}
TRANSLATED_FIELDS = ["title", "summary", "intro"]
STRUCTURE_FIELDS = ["slug", "kind", "icon", "position", "last_checked", "source_url"]


def mark_minor_edit(obj, form):
    """Pass the editor's "minor edit" choice to the translation row about to be saved."""
    language = obj.get_current_language()
    if obj.has_translation(language):
        obj.get_translation(language).minor_edit = form.cleaned_data.get("minor_edit", False)


class SectionInline(TranslatableStackedInline):
    model = Section
    form = SectionAdminForm
    extra = 0
    fields = ["anchor", "position", "heading", "body"]

    def get_readonly_fields(self, request, obj=None):
        if can_edit_dutch(request.user):
            return []
        if is_source(self.get_form_language(request, obj)):
            return ["anchor", "position", "heading", "body"]
        return ["anchor", "position"]


@admin.register(Topic)
class TopicAdmin(VersionAdmin, TranslatableAdmin):
    form = TopicAdminForm
    formfield_overrides = URL_FIELDS
    list_display = ["__str__", "slug", "kind", "status", "position", "last_checked"]
    list_filter = ["status", "kind", OverdueFilter, TranslationStateFilter]
    search_fields = ["slug", "translations__title", "translations__summary"]
    inlines = [SectionInline]
    actions = [checked_today]

    # --- What each role may change -------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        language = self.get_form_language(request, obj)
        if is_source(language):
            review = ["minor_edit"] if can_edit_dutch(request.user) else []
        else:
            review = ["machine_translated", "mark_checked"]
        return [
            (None, {"fields": [*TRANSLATED_FIELDS, *review]}),
            (_("Publication"), {"fields": ["status", *STRUCTURE_FIELDS, "preview_links"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["preview_links"]
        if not can_publish(request.user):
            readonly.append("status")
        if not can_edit_dutch(request.user):
            readonly += STRUCTURE_FIELDS
            if is_source(self.get_form_language(request, obj)):
                readonly += TRANSLATED_FIELDS
        return readonly

    @admin.display(description=_("Preview"))
    def preview_links(self, topic):
        if topic is None or topic.pk is None:
            return "-"
        links = []
        for language in LANGUAGES:
            with override(language.code):
                links.append((reverse("content:preview", args=[topic.slug]), language.name_local))
        return format_html_join(" · ", '<a href="{}" target="_blank">{}</a>', links)

    # --- Saving: minor edits and checked translations ------------------------------

    def save_model(self, request, obj, form, change):
        mark_minor_edit(obj, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        # ``form`` is the topic's form: its "minor edit" box covers the questions too.
        for section in formset.save(commit=False):
            mark_minor_edit(section, form)
            section.save()
        for section in formset.deleted_objects:
            section.delete()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.cleaned_data.get("mark_checked"):
            form.instance.mark_checked(form.instance.get_current_language())

    # --- Translation states (list filter, dashboard) -------------------------------

    def with_texts(self, queryset):
        return queryset.prefetch_related(
            "translations", Prefetch("sections", queryset=Section.objects.with_translations())
        )

    translation_state = staticmethod(topic_state)

    def get_urls(self):
        dashboard_view = self.admin_site.admin_view(dashboard.translation_dashboard)
        return [
            path("dashboard/", dashboard_view, name="content_translation_dashboard"),
            *super().get_urls(),
        ]
