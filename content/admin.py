from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from parler.admin import TranslatableAdmin, TranslatableStackedInline

from content.admin_forms import OrganisationAdminForm, TopicAdminForm
from content.models import Organisation, Section, Topic
from content.versioning import is_source

# A link typed without a scheme is taken as https (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class SectionInline(TranslatableStackedInline):
    model = Section
    extra = 0
    fields = ["anchor", "position", "heading", "body"]


@admin.register(Topic)
class TopicAdmin(TranslatableAdmin):
    form = TopicAdminForm
    formfield_overrides = URL_FIELDS
    list_display = ["__str__", "slug", "kind", "status", "position", "last_checked"]
    list_filter = ["status", "kind"]
    search_fields = ["slug", "translations__title"]
    inlines = [SectionInline]

    def get_fieldsets(self, request, obj=None):
        language = self.get_form_language(request, obj)
        review = ["minor_edit"] if is_source(language) else ["machine_translated", "mark_checked"]
        return [
            (None, {"fields": ["title", "summary", "intro", *review]}),
            (
                _("Publication"),
                {
                    "fields": [
                        "slug",
                        "kind",
                        "icon",
                        "status",
                        "position",
                        "last_checked",
                        "source_url",
                    ]
                },
            ),
        ]

    def save_model(self, request, obj, form, change):
        language = obj.get_current_language()
        if obj.has_translation(language):
            obj.get_translation(language).minor_edit = form.cleaned_data.get("minor_edit", False)
        super().save_model(request, obj, form, change)
        self._minor_edit = form.cleaned_data.get("minor_edit", False)

    def save_formset(self, request, form, formset, change):
        for section in formset.save(commit=False):
            language = section.get_current_language()
            if section.has_translation(language):
                section.get_translation(language).minor_edit = self._minor_edit
            section.save()
        for section in formset.deleted_objects:
            section.delete()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.cleaned_data.get("mark_checked"):
            form.instance.mark_checked(form.instance.get_current_language())


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    form = OrganisationAdminForm
    formfield_overrides = URL_FIELDS
    list_display = ["name", "slug", "website", "last_checked"]
    list_filter = ["topics"]
    search_fields = ["name", "slug", "description"]
    filter_horizontal = ["topics"]

    def save_model(self, request, obj, form, change):
        obj.minor_edit = form.cleaned_data["minor_edit"]
        for language in form.cleaned_data["checked_languages"]:
            obj.mark_checked(language)
        super().save_model(request, obj, form, change)
