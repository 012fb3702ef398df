"""The safety program in the staff console, under /console/safety/ (see console.py)."""

from django.contrib import admin
from django.urls import include, path
from django.views.decorators.cache import never_cache

from hogo.safety import acknowledge, console, notice_console, training

app_name = "safety_console"
urlpatterns = [
    path("", console.incident_list, name="list"),
    path("new/", console.incident_new, name="new"),
    # Any staff member, with a role or not: the admin site's log-in and staff check only.
    path(
        "acknowledge/",
        admin.site.admin_view(never_cache(acknowledge.acknowledge)),
        name="acknowledge",
    ),
    path("acknowledgments.csv", acknowledge.acknowledgments_export, name="acknowledgments"),
    # Any staff member sees their own trainings (the officer more, see training.py).
    path(
        "trainings/",
        admin.site.admin_view(never_cache(training.trainings)),
        name="trainings",
    ),
    path("trainings/courses/new/", training.course_new, name="course_new"),
    path("trainings/courses/<int:pk>/", training.course_edit, name="course_edit"),
    path("trainings/record/", training.completion_new, name="completion_new"),
    path("trainings/completions.xlsx", training.completions_export, name="completions"),
    path("", include("hogo.safety.oversight_urls")),  # before the incident's <ref>/
    path("<str:ref>/", console.incident_detail, name="detail"),
    path("<str:ref>/triage/", console.incident_triage_view, name="triage"),
    path("<str:ref>/override/", console.incident_override_view, name="override"),
    path("<str:ref>/file/", console.incident_file_view, name="file"),
    path("<str:ref>/close/", console.incident_close_view, name="close"),
    path("<str:ref>/report/", console.incident_report_view, name="report"),
    path("<str:ref>/notices/", notice_console.notices_overview, name="notices"),
    path("<str:ref>/notices/compose/", notice_console.notices_compose, name="notices_compose"),
    path("<str:ref>/notices/preview/", notice_console.notices_preview, name="notices_preview"),
    path("<str:ref>/notices/send/", notice_console.notices_send_view, name="notices_send"),
    path(
        "<str:ref>/notices/announcement/",
        notice_console.announcement_edit,
        name="notices_announcement",
    ),
]
