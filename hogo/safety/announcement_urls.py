"""The public announcements of incidents, under /<lang>/notices/ (announcement.py)."""

from django.urls import path

from hogo.safety.announcement import announcement_page

app_name = "notices"
urlpatterns = [path("incidents/<str:ref>/", announcement_page, name="incident")]
