from django.urls import path

from content import offline, views

app_name = "content"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic"),
    path("topics/<slug:slug>/show/", views.ShowTopicView.as_view(), name="show"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisations"),
    path(
        "organisations/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation",
    ),
    path("about/", views.AboutView.as_view(), name="about"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("offline/", offline.OfflinePageView.as_view(), name="offline"),
    path("offline/pages.json", offline.OfflinePagesView.as_view(), name="offline-pages"),
    path("preview/topics/<slug:slug>/", views.PreviewTopicView.as_view(), name="preview"),
    path("privacy/", views.PageView.as_view(template_name="content/privacy.html"), name="privacy"),
    path(
        "accessibility/",
        views.PageView.as_view(template_name="content/accessibility.html"),
        name="accessibility",
    ),
]
