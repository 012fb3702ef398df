"""Re-consent in the staff console, under /console/reconsent/ (see console.py)."""

from django.urls import path

from hogo.reconsent import console

app_name = "reconsent_console"
urlpatterns = [
    path("", console.campaign_list, name="list"),
    path("<int:version>/<str:purpose>/", console.campaign_detail, name="detail"),
    path("<int:version>/<str:purpose>/send/", console.campaign_send, name="send"),
    path("<int:version>/<str:purpose>/retry/", console.campaign_retry, name="retry"),
]
