"""Rules for what editors (and content files) may store: checked by full_clean(),
so the admin and ``load_content`` refuse the same things with the same messages."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

#: Element ids the page layout uses itself; a section anchor may not take them.
RESERVED_ANCHORS = {"main", "toc-title", "who-can-help", "emergency-title"}


def validate_anchor(value):
    if value in RESERVED_ANCHORS:
        raise ValidationError(
            _("“%(value)s” is used by the page layout; choose another anchor."),
            params={"value": value},
        )


def validate_markdown_headings(value):
    """The page owns h1 (the title) and h2 (the questions); a text starts at ###."""
    for line in value.splitlines():
        if line.startswith(("# ", "## ")):
            raise ValidationError(
                _("Use ### for a heading inside a text; # and ## are used by the page itself.")
            )


#: Links readers follow: web pages only, never ftp:, javascript: or the like.
_web_address = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
    code="web_address",  # not "invalid": a form would put its generic message in place
)


def shows_another_site(address):
    """Whether a browser would open another site than the address seems to name: a user
    name or password before the host ("https://kruispost.nl@evil.example/"), a
    backslash, which browsers read as "/" ("https://evil.example\\@kruispost.nl/"
    opens evil.example), or an encoded character in the host."""
    authority = re.split(r"[/?#\\]", address.partition("://")[2], maxsplit=1)[0]
    return "\\" in address or any(character in authority for character in "@%")


def validate_web_address(value):
    _web_address(value)
    if shows_another_site(value):
        raise ValidationError(
            _(
                "Enter the address without a user name, password or backslash: "
                "readers would see one site and open another."
            ),
            code="web_address",
        )


#: An address a mail app opens as it reads: no quotes, no ?, & or % that would add a
#: hidden copy (``?bcc=``) or a subject to the reader's message.
EMAIL_ADDRESS = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def validate_email_address(value):
    if not EMAIL_ADDRESS.fullmatch(value):
        raise ValidationError(
            _("Enter a plain e-mail address, such as info@example.org."), code="email"
        )


PHONE_NUMBER = re.compile(
    r"(\+|00)[1-9]\d{7,14}"  # international
    r"|0[1-9]\d{8}"  # Dutch: ten digits
    r"|0[89]0\d{5,8}"  # Dutch 0800 and 0900 numbers
    r"|1\d{2,4}"  # Dutch short numbers (14 020 for the City)
)


def validate_phone(value):
    if not PHONE_NUMBER.fullmatch(re.sub(r"[\s().-]", "", value)):
        raise ValidationError(
            _(
                "Enter a Dutch phone number (for example 020 123 4567) or an international "
                "number that starts with + (for example +31 20 123 4567)."
            )
        )


def published_address_unchanged(instance, field, was_published, message):
    """NGO workers share links: once readers could see a page, its address stays."""
    if instance.pk is None:
        return
    saved = type(instance).objects.filter(pk=instance.pk).values(field).first()
    if saved and was_published(instance) and saved[field] != getattr(instance, field):
        raise ValidationError({field: message})
