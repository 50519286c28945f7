"""Two people, one page: nothing anyone saved is silently overwritten.

An admin form carries, in a hidden field, a fingerprint of each of its fields as they
were when the editor opened it. On saving, each field is compared three ways: as it
was opened, as it is saved now, and as it is sent.

- Nobody else changed it: the editor's value is saved.
- Somebody else changed it and this editor left it alone: the other change is kept.
  So translators working on different languages of the same page never conflict.
- Both changed it, differently: nothing is saved. The form comes back with the
  editor's own text still in it, and under the field what the other person saved;
  saving once more (having read it) keeps the editor's version.
"""

import base64
import hashlib
import json

from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from content.models import normalise_newlines

TOKEN = "edit_token"
#: Fields that say which record a form is about, not what it says.
NOT_COMPARED = {"id", "topic", "master", "language_code"}


def comparable(value):
    """A value as saved, whatever form it comes in (posted, or read from the database)."""
    if isinstance(value, str):
        return normalise_newlines(value).strip()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | models.QuerySet):
        return sorted(comparable(item) for item in value)
    if value is None or isinstance(value, bool | int):
        return value
    return str(value)


def fingerprint(value):
    text = json.dumps(comparable(value), default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def encode(fingerprints):
    return base64.urlsafe_b64encode(json.dumps(fingerprints).encode()).decode()


def decode(token):
    try:
        fingerprints = json.loads(base64.urlsafe_b64decode(token.encode()))
    except (ValueError, TypeError):
        return {}
    return fingerprints if isinstance(fingerprints, dict) else {}


class ConflictCheckedForm(forms.ModelForm):
    """A model form that notices what somebody else saved while it was open."""

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk is not None:
            self.initial[TOKEN] = encode(self.fingerprints(self.values_of(self.instance)))

    def compared_fields(self):
        """The form's fields that hold the record's text and details."""
        model = self._meta.model
        names = {
            field.name for field in model._meta.get_fields() if getattr(field, "editable", False)
        }
        if hasattr(model, "_parler_meta"):
            names |= set(model._parler_meta.get_all_fields())
        return [name for name in self.fields if name in names - NOT_COMPARED]

    def history_url(self):
        """Where the editor reads every saved version of what the form edits."""
        opts = self._meta.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[self.instance.pk])

    def values_of(self, instance):
        """The form's fields as ``instance`` has them (a translation in the form's language)."""
        language = getattr(self, "language_code", None)
        if language and hasattr(instance, "set_current_language"):
            instance.set_current_language(language)
        values = {}
        for name in self.compared_fields():
            try:
                value = getattr(instance, name)
            except (ObjectDoesNotExist, AttributeError):
                value = None  # no translation in this language yet
            values[name] = list(value.all()) if hasattr(value, "all") else value
        return values

    def fingerprints(self, values):
        return {name: fingerprint(value) for name, value in values.items()}

    def clean(self):
        cleaned = super().clean()
        opened = decode(self.data.get(self.add_prefix(TOKEN), ""))
        if not opened or self.instance.pk is None:
            return cleaned
        saved_instance = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
        if saved_instance is None:
            return cleaned  # deleted meanwhile: Django's own checks say so
        saved = self.values_of(saved_instance)
        conflicts = []
        for name, now in saved.items():
            if name not in opened or name not in cleaned or fingerprint(now) == opened[name]:
                continue
            if fingerprint(cleaned[name]) == opened[name]:
                cleaned[name] = now  # left alone here, changed elsewhere: keep that change
            elif fingerprint(cleaned[name]) != fingerprint(now):
                conflicts.append((name, now))
        if conflicts:
            self.report(conflicts, saved)
        return cleaned

    def report(self, conflicts, saved):
        """Say what somebody else saved, keep this editor's text in the form, and let
        the next save (made knowingly) keep it."""
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN)] = encode(self.fingerprints(saved))
        for name, now in conflicts:
            shown = ", ".join(map(str, now)) if isinstance(now, list) else now
            self.add_error(
                name,
                _("Somebody else saved this while you were editing. Saved now: “%(value)s”")
                % {"value": shown if shown not in (None, "") else _("(empty)")},
            )
        raise forms.ValidationError(
            format_html(
                '{} <a href="{}">{}</a>',
                _(
                    "Somebody else saved this page while you were editing it. Nothing was "
                    "saved yet: your text is still in the form. Under each field marked, "
                    "you can read what the other person saved. Save again to keep your "
                    "version of those fields."
                ),
                self.history_url(),
                _("See the history of this page"),
            )
        )
