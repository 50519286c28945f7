from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from parler.admin import TranslatableAdmin, TranslatableStackedInline

from content.models import Organisation, Section, Topic


class SectionInline(TranslatableStackedInline):
    model = Section
    extra = 0
    fields = ["anchor", "position", "heading", "body", "machine_translated"]


@admin.register(Topic)
class TopicAdmin(TranslatableAdmin):
    list_display = ["__str__", "slug", "kind", "status", "position", "last_checked"]
    list_filter = ["status", "kind"]
    search_fields = ["slug", "translations__title"]
    inlines = [SectionInline]
    fieldsets = [
        (None, {"fields": ["title", "summary", "intro", "machine_translated"]}),
        (
            _("Publication"),
            {"fields": ["slug", "kind", "status", "position", "last_checked", "source_url"]},
        ),
    ]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "slug", "website", "last_checked"]
    list_filter = ["topics"]
    search_fields = ["name", "slug", "description"]
    filter_horizontal = ["topics"]
