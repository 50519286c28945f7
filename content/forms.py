from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from content.fallbacks import pick_translation


class OrganisationFilterForm(forms.Form):
    """``?topic=<slug>`` on the organisation list, checked against the published topics.

    The topics come in already loaded (with their translations), so checking a choice
    costs no query of its own.
    """

    topic = forms.ChoiceField(
        label=_("Show organisations for this topic"),
        required=False,
        error_messages={
            "invalid_choice": _("We do not know this topic. Choose one from the list.")
        },
    )

    def __init__(self, data, topics):
        super().__init__(data)
        self.topics = {topic.slug: topic for topic in topics}
        language = get_language()
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (slug, pick_translation(topic, language).title) for slug, topic in self.topics.items()
        ]

    def clean_topic(self):
        return self.topics.get(self.cleaned_data["topic"])
