"""The ledger in the staff console, under /console/ledger/ (see views.py)."""

from django.urls import path

from hogo.ledger import views

app_name = "ledger"
urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("ledger.xlsx", views.ledger_download, name="download"),
]
