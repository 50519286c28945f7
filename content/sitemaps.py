"""``/sitemap.xml``: every public page, with its languages as alternates.

A topic or organisation lists only the languages it really exists in; pages whose
text is all interface exist in every language.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from content.freshness import organisation_text
from content.models import Organisation, Topic
from guide.languages import CODES


class GuideSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    languages = list(CODES)

    # Addresses from the configured origin, never from the request's Host.
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class TopicSitemap(GuideSitemap):
    def items(self):
        return Topic.objects.published().with_translations()

    def lastmod(self, topic):
        return topic.updated_at

    def get_languages_for_item(self, topic):
        return [row.language_code for row in topic.translations.all()]


class OrganisationSitemap(GuideSitemap):
    def items(self):
        return Organisation.objects.order_by("slug")

    def lastmod(self, organisation):
        return organisation.updated_at

    def get_languages_for_item(self, organisation):
        return [code for code in CODES if organisation_text(organisation, code)]


class PageSitemap(GuideSitemap):
    def items(self):
        return ["content:home", "content:organisations", "content:privacy", "content:accessibility"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"topics": TopicSitemap, "organisations": OrganisationSitemap, "pages": PageSitemap}
