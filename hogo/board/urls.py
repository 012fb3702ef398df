"""The console's home and the period reports: /console/ and /console/reports/."""

from django.urls import path

from hogo.board import views

app_name = "board"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("reports/report.<str:fmt>", views.report, name="report"),
]
