from django import forms
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _


class OrganisationFilterForm(forms.Form):
    """``?topic=<slug>`` on the organisation list, checked against the published topics.

    The topics come in already read (``reading.topic_summaries``), so checking a choice
    costs no query of its own. Its widget is drawn by Django's Jinja2 widget templates,
    like the page around it: with Django's, a list of a hundred topics took longer
    than the rest of the page.
    """

    default_renderer = Jinja2()  # one for the process: it keeps its compiled templates

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
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (slug, topic.shown.title) for slug, topic in self.topics.items()
        ]

    def clean_topic(self):
        return self.topics.get(self.cleaned_data["topic"])
