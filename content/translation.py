"""django-modeltranslation registration: per language, the description, whether it was
machine-assisted, and the version of the Dutch description it matches."""

from modeltranslation.translator import TranslationOptions, register

from content.models import Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("description", "machine_translated", "source_version")
    required_languages = {"nl": ("description",)}
