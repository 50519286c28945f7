from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from content import views
from content.sitemaps import SITEMAPS
from guide.service_worker import service_worker

urlpatterns = [
    path("", views.LanguageChoiceView.as_view(), name="language-choice"),
    path("sitemap.xml", views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sw.js", service_worker, name="service-worker"),
    # The address Dutch public bodies use for their accessibility statement.
    path(
        "toegankelijkheid",
        RedirectView.as_view(
            url="/nl/accessibility/", permanent=True, http_method_names=["get", "head"]
        ),
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("content.urls")),
    path("", include("feedback.urls")),
)

handler500 = "content.views.server_error"
