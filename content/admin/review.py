"""What needs an editor's attention: pages overdue for checking, translation states."""

import reversion
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from content.freshness import State
from guide.languages import LANGUAGES, SOURCE_LANGUAGE


class OverdueFilter(admin.SimpleListFilter):
    title = _("checking")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue for checking"))]

    def queryset(self, request, queryset):
        return queryset.overdue() if self.value() == "yes" else queryset


class TranslationStateFilter(admin.SimpleListFilter):
    """``?translation=en:outdated``: what needs doing in one language."""

    title = _("translation")
    parameter_name = "translation"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self.model_admin = model_admin

    def lookups(self, request, model_admin):
        return [
            (f"{language.code}:{state.value}", f"{language.name_local}: {state.label}")
            for language in LANGUAGES
            if language.code != SOURCE_LANGUAGE
            for state in State
        ]

    def queryset(self, request, queryset):
        if not self.value() or ":" not in self.value():
            return queryset
        language, wanted = self.value().split(":", 1)
        state_of = self.model_admin.translation_state
        matching = [
            obj.pk
            for obj in self.model_admin.with_texts(queryset)
            if state_of(obj, language) == wanted
        ]
        return queryset.filter(pk__in=matching)


@admin.action(
    description=_("Checked today: the selected items are still correct"),
    permissions=["edit_dutch"],
)
def checked_today(model_admin, request, queryset):
    today = timezone.localdate()
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(_("Checked today."))
        for item in queryset:
            item.last_checked = today
            item.save()
    count = len(queryset)
    model_admin.message_user(
        request,
        ngettext(
            "%(count)d item marked as checked today.",
            "%(count)d items marked as checked today.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )
