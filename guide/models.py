from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheTag(models.Model):
    """The version of one thing pages show (``guide/page_cache.py``).

    Kept in the database, which every worker and every instance shares, and changed in
    the same transaction as the edit that moves it on: a page stored with an older
    version is rendered again on its next request, wherever that request lands.
    Rows are written only when something is saved; reading never creates one.
    """

    name = models.CharField(_("name"), max_length=200, primary_key=True)
    version = models.BigIntegerField(_("version"))

    class Meta:
        verbose_name = _("page cache tag")
        verbose_name_plural = _("page cache tags")

    def __str__(self):
        return self.name
