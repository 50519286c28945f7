from django.urls import path

from feedback.views import ReportView, ThanksView

app_name = "feedback"

urlpatterns = [
    path("topics/<slug:slug>/report/", ReportView.as_view(kind="topic"), name="topic"),
    path(
        "topics/<slug:slug>/report/thanks/",
        ThanksView.as_view(kind="topic"),
        name="topic-thanks",
    ),
    path(
        "organisations/<slug:slug>/report/",
        ReportView.as_view(kind="organisation"),
        name="organisation",
    ),
    path(
        "organisations/<slug:slug>/report/thanks/",
        ThanksView.as_view(kind="organisation"),
        name="organisation-thanks",
    ),
]
