"""The safety program in the staff console, under /console/safety/ (see console.py)."""

from django.urls import path

from hogo.safety import console

app_name = "safety_console"
urlpatterns = [
    path("", console.incident_list, name="list"),
    path("new/", console.incident_new, name="new"),
    path("<str:ref>/", console.incident_detail, name="detail"),
    path("<str:ref>/triage/", console.incident_triage_view, name="triage"),
    path("<str:ref>/override/", console.incident_override_view, name="override"),
    path("<str:ref>/file/", console.incident_file_view, name="file"),
    path("<str:ref>/close/", console.incident_close_view, name="close"),
    path("<str:ref>/report/", console.incident_report_view, name="report"),
]
