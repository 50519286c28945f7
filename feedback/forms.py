from django import forms
from django.utils.translation import gettext_lazy as _

from feedback import tokens
from feedback.models import MAX_LENGTH


class ReportForm(forms.Form):
    """A reader's report. ``website`` is a honeypot: hidden from people (and from
    screen readers), filled in by bots that fill in every field."""

    text = forms.CharField(
        label=_("What is wrong or missing?"),
        max_length=MAX_LENGTH,
        error_messages={
            "required": _("Write what is wrong or missing."),
            "max_length": _(
                "Your message is too long: it has %(show_value)d characters, "
                "at most %(limit_value)d fit."
            ),
        },
    )
    token = forms.CharField(required=False)
    website = forms.CharField(required=False)

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page

    @property
    def is_from_a_bot(self):
        return bool(self.data.get("website"))

    def clean_token(self):
        token = self.cleaned_data["token"]
        if not tokens.is_valid(token, self.page):
            raise forms.ValidationError(
                _("This form was open for a long time. Check your message and send it again.")
            )
        return token
