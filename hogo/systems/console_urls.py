"""The other systems in the staff console, under /console/systems/ (console.py)."""

from django.urls import path

from hogo.systems import console

app_name = "systems_console"
urlpatterns = [
    path("", console.systems_page, name="list"),
    path("reach/", console.systems_reach_now, name="reach"),
    path("<str:ident>/scan/", console.system_scan_start, name="scan"),
]
