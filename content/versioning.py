"""Versions of the Dutch text, so that translations know when they fell behind.

As in kitsune: every translation records the version of the Dutch text it was made
from (``source_version``). Saving a Dutch text raises its version — unless the edit is
*minor* (a typo, formatting), so that fixing a comma does not make seven translations
"outdated". A translation whose ``source_version`` is lower than the Dutch one is
outdated until someone updates it or marks it checked.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guide.languages import SOURCE_LANGUAGE

# One help text for every translated record, whatever holds it.
SOURCE_VERSION_HELP = _(
    "Dutch text: its version, raised by every save that is not a minor edit. "
    "Other languages: the version of the Dutch text this translation matches."
)


# Kept by saving (a minor edit or not) and by marking a translation checked; never typed.


def source_version_field():
    return models.PositiveIntegerField(
        _("version of the Dutch text"), default=1, editable=False, help_text=SOURCE_VERSION_HELP
    )


def changed_on_field():
    return models.DateField(
        _("Dutch text changed on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the current version of the Dutch text was saved."),
    )


class VersionedDutchText:
    """Raises the version of a Dutch text when a save changes it.

    A model lists the fields that make up its Dutch text in ``dutch_fields()`` (empty
    when the instance holds no Dutch text), and where it keeps the version and date.
    Set ``minor_edit = True`` on the instance before saving to keep the version: for a
    minor edit, or when loading files, which state their versions themselves.
    """

    minor_edit = False
    version_attribute = "source_version"
    changed_attribute = "changed_on"

    def dutch_fields(self):
        raise NotImplementedError

    def _dutch_text(self):
        return tuple(getattr(self, name) for name in self.dutch_fields())

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if not set(instance.dutch_fields()) & instance.get_deferred_fields():
            instance._saved_dutch_text = instance._dutch_text()
        return instance

    def raise_version_if_changed(self):
        text = self._dutch_text()
        saved = getattr(self, "_saved_dutch_text", None)
        if text and saved is not None and text != saved and not self.minor_edit:
            setattr(self, self.version_attribute, getattr(self, self.version_attribute) + 1)
            setattr(self, self.changed_attribute, timezone.localdate())
        self._saved_dutch_text = text


def is_source(language_code):
    return language_code == SOURCE_LANGUAGE
