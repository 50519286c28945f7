"""django-modeltranslation registration: a description column per language, and a flag
per language saying whether that description was machine-assisted."""

from modeltranslation.translator import TranslationOptions, register

from content.models import Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("description", "machine_translated")
    required_languages = {"nl": ("description",)}
