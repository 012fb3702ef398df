"""The consent page, under /<lang>/consent/ (views.py)."""

from django.urls import path

from hogo.reconsent import views

app_name = "reconsent"
urlpatterns = [path("<str:token>/", views.consent, name="page")]
