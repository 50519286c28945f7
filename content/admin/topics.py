from django.contrib import admin
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import models
from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from parler.admin import TranslatableAdmin, TranslatableStackedInline
from reversion.admin import VersionAdmin

from content.admin import dashboard, xliff
from content.admin.forms import SectionAdminForm, TopicAdminForm
from content.admin.history import RestoredByEditors
from content.admin.review import OverdueFilter, TranslationStateFilter, checked_today
from content.admin.roles import EditorPermission, can_edit_dutch, can_publish, without_fields
from content.freshness import topic_state
from content.models import Section, Topic
from content.versioning import is_source
from guide.languages import CODES, LANGUAGES

# A link typed without a scheme is taken as https (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}
TRANSLATED_FIELDS = ["title", "summary", "intro"]
STRUCTURE_FIELDS = [
    "slug", "kind", "icon", "position", "source_date", "last_checked", "source_url",
]  # fmt: skip
#: What an editor says about a Dutch save, or a translator about a translation.
REVIEW_FIELDS = ["minor_edit", "mark_checked", "machine_translated"]
QUESTION_STRUCTURE = ["anchor", "position"]
QUESTION_TEXT = ["heading", "body", "machine_translated"]


def forbidden_topic_fields(user, language):
    """The topic form's fields ``user`` may not change in ``language``."""
    forbidden = [] if can_publish(user) else ["status"]
    if not can_edit_dutch(user):
        forbidden += STRUCTURE_FIELDS
        if is_source(language):
            forbidden += TRANSLATED_FIELDS + REVIEW_FIELDS
    return forbidden


def forbidden_question_fields(user, language):
    if can_edit_dutch(user):
        return []
    return QUESTION_STRUCTURE + (QUESTION_TEXT if is_source(language) else [])


def mark_minor_edit(obj, form):
    """Pass the editor's "minor edit" choice to the translation row about to be saved."""
    language = obj.get_current_language()
    if obj.has_translation(language):
        obj.get_translation(language).minor_edit = form.cleaned_data.get("minor_edit", False)


class SectionInline(TranslatableStackedInline):
    model = Section
    form = SectionAdminForm
    extra = 0
    fields = ["anchor", "position", "heading", "body", "edit_token"]

    def forbidden(self, request, obj):
        return forbidden_question_fields(request.user, self.get_form_language(request, obj))

    def get_readonly_fields(self, request, obj=None):
        return [name for name in self.fields if name in self.forbidden(request, obj)]

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = without_fields(self.form, self.forbidden(request, obj))
        return super().get_formset(request, obj, **kwargs)


@admin.register(Topic)
class TopicAdmin(RestoredByEditors, EditorPermission, VersionAdmin, TranslatableAdmin):
    form = TopicAdminForm
    formfield_overrides = URL_FIELDS
    list_display = ["__str__", "slug", "kind", "status", "position", "last_checked"]
    list_filter = ["status", "kind", OverdueFilter, TranslationStateFilter]
    search_fields = ["slug", "translations__title", "translations__summary"]
    inlines = [SectionInline]
    actions = [checked_today, xliff.export_for_translators]
    change_list_template = "admin/xliff/topic_change_list.html"

    # --- What each role may change -------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        language = self.get_form_language(request, obj)
        if is_source(language):
            review = ["minor_edit"] if can_edit_dutch(request.user) else []
        else:
            review = ["machine_translated", "mark_checked"]
        return [
            (None, {"fields": [*TRANSLATED_FIELDS, *review, "edit_token"]}),
            (_("Publication"), {"fields": ["status", *STRUCTURE_FIELDS, "preview_links"]}),
        ]

    def forbidden(self, request, obj):
        return forbidden_topic_fields(request.user, self.get_form_language(request, obj))

    def get_readonly_fields(self, request, obj=None):
        return ["preview_links", *self.forbidden(request, obj)]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return without_fields(form, self.forbidden(request, obj))

    def may_restore(self, request):
        return can_edit_dutch(request.user) and can_publish(request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.GET.get("language", CODES[0]) not in CODES:
            raise BadRequest("Unknown language.")
        return super().changeform_view(request, object_id, form_url, extra_context)

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

    def refuse_dutch_changes(self, request, obj, *forms):
        """The server's own check, whatever the forms allowed: only editors change
        Dutch text."""
        dutch = is_source(self.get_form_language(request, obj))
        if dutch and not can_edit_dutch(request.user) and any(f.has_changed() for f in forms):
            raise PermissionDenied

    def save_model(self, request, obj, form, change):
        self.refuse_dutch_changes(request, obj, form)
        mark_minor_edit(obj, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        self.refuse_dutch_changes(request, form.instance, *formset.forms)
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
            *xliff.urls(self),
            *super().get_urls(),
        ]
