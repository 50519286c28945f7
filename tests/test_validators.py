"""What editors and content files may store: addresses readers can trust."""

import pytest
from django.core.exceptions import ValidationError

from content.models import Organisation
from content.templating import domain
from content.validators import validate_web_address

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example\\@kruispost.nl/",
        "https://kruispost.nl@evil.example/",
        "https://user:password@kruispost.nl/",
        "https://kruispost.nl\\evil/",
        "https://kruispost%2enl/",
    ],
)
def test_an_address_that_shows_one_site_and_opens_another_is_refused(address):
    with pytest.raises(ValidationError):
        validate_web_address(address)


def test_ordinary_addresses_are_accepted():
    for address in [
        "https://oudezijds100.nl/over-ons/kruispost/",
        "http://www.bridgetobetter.org/nl/home",
        "https://example.org/page?a=1&b=2#part",
        "https://example.org/a@b",
    ]:
        validate_web_address(address)


def test_the_domain_shown_is_the_one_a_browser_opens():
    assert domain("https://evil.example\\@kruispost.nl/") == "evil.example"
    assert domain("https://www.kruispost.nl/a") == "kruispost.nl"


@pytest.mark.parametrize(
    "email",
    [
        "info%40example.org?bcc=spy%40evil.example&x=@x.org",
        "info@example.org?bcc=spy@evil.example",
        '"a b"@example.org',
        "info@example",
    ],
)
def test_an_email_address_that_would_add_to_a_readers_message_is_refused(email):
    organisation = Organisation(slug="test", name="Test", description_nl="Helpt.", email=email)
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "email" in error.value.message_dict


def test_a_plain_email_address_is_accepted():
    Organisation(
        slug="test", name="Test", description_nl="Helpt.", email="info.ngo+help@example-ngo.nl"
    ).full_clean()
