from django.contrib import admin
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin
from modeltranslation.utils import build_localized_fieldname as localized
from reversion.admin import VersionAdmin

from content.admin.forms import OrganisationAdminForm
from content.admin.history import RestoredByEditors
from content.admin.review import OverdueFilter, TranslationStateFilter, checked_today
from content.admin.roles import EditorPermission, can_edit_dutch, without_fields
from content.admin.topics import URL_FIELDS
from content.freshness import organisation_state
from content.models import ORGANISATION_DETAILS, Organisation
from guide.languages import SOURCE_LANGUAGE

#: What only an editor may change: everything but the translations of the description.
EDITOR_FIELDS = [
    *ORGANISATION_DETAILS,
    localized("description", SOURCE_LANGUAGE),
    localized("machine_translated", SOURCE_LANGUAGE),
]


@admin.register(Organisation)
class OrganisationAdmin(
    RestoredByEditors, EditorPermission, VersionAdmin, TabbedDjangoJqueryTranslationAdmin
):
    form = OrganisationAdminForm
    formfield_overrides = URL_FIELDS
    list_display = ["name", "slug", "website", "last_checked"]
    list_filter = ["topics", OverdueFilter, TranslationStateFilter]
    search_fields = ["name", "slug", "description"]
    filter_horizontal = ["topics"]
    actions = [checked_today]

    def get_readonly_fields(self, request, obj=None):
        return [] if can_edit_dutch(request.user) else EDITOR_FIELDS

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if can_edit_dutch(request.user):
            return form
        return without_fields(form, [*EDITOR_FIELDS, "minor_edit"])

    def save_model(self, request, obj, form, change):
        obj.minor_edit = form.cleaned_data.get("minor_edit", False)
        for language in form.cleaned_data["checked_languages"]:
            obj.mark_checked(language)
        super().save_model(request, obj, form, change)

    def with_texts(self, queryset):
        return queryset

    translation_state = staticmethod(organisation_state)
