from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from content import views

urlpatterns = [
    path("", views.LanguageChoiceView.as_view(), name="language-choice"),
    path(settings.ADMIN_PATH, admin.site.urls),
]

urlpatterns += i18n_patterns(path("", include("content.urls")))
