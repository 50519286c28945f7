"""The admin's forms: what an editor says about a save besides the text itself."""

from django import forms
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from content.admin.conflicts import ConflictCheckedForm
from content.models import ORGANISATION_DETAILS, Organisation, Section, Topic
from guide.languages import LANGUAGES, SOURCE_LANGUAGE

#: Titles, summaries and questions are long: give them room.
WIDE = forms.TextInput(attrs={"class": "vLargeTextField"})

MINOR_EDIT_HELP = _(
    "Tick this for a typo or formatting fix. The translations then stay up to date. "
    "Leave it empty when the meaning changed: translations are then marked outdated."
)


def https_by_default(field, **kwargs):
    """A link typed without a scheme is taken as https (Django 6's default).

    For building these form classes themselves (Django 5.2 warns without it); the
    forms the admin builds from them get the same from ``formfield_overrides``
    (``URL_FIELDS``), because the admin passes its own callback.
    """
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class TopicAdminForm(ConflictCheckedForm, TranslatableModelForm):
    minor_edit = forms.BooleanField(
        label=_("Minor edit"), required=False, help_text=MINOR_EDIT_HELP
    )
    mark_checked = forms.BooleanField(
        label=_("Checked by a person"),
        required=False,
        help_text=_(
            "Tick this when a person has checked this translation — title, summary and "
            "every question — against the current Dutch text. Readers then no longer see "
            "the computer-translation or out-of-date notices."
        ),
    )

    class Meta:
        model = Topic
        fields = "__all__"
        formfield_callback = https_by_default
        widgets = {"title": WIDE, "summary": WIDE}


class SectionAdminForm(ConflictCheckedForm, TranslatableModelForm):
    def history_url(self):
        return reverse("admin:content_topic_history", args=[self.instance.topic_id])

    class Meta:
        model = Section
        fields = "__all__"
        widgets = {"heading": WIDE}


class OrganisationAdminForm(ConflictCheckedForm):
    minor_edit = forms.BooleanField(
        label=_("Minor edit of the Dutch description"), required=False, help_text=MINOR_EDIT_HELP
    )
    checked_languages = forms.MultipleChoiceField(
        label=_("Descriptions checked by a person"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(lang.code, _(lang.name)) for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE],
        help_text=_(
            "Tick the languages whose description a person has checked against the current Dutch."
        ),
    )

    class Meta:
        model = Organisation
        # The version fields are kept by the save itself (minor edit, checked languages).
        fields = [*ORGANISATION_DETAILS, "description", "machine_translated"]
        formfield_callback = https_by_default
