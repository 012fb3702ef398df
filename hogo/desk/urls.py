from django.urls import path

from hogo.desk import views

app_name = "desk"
urlpatterns = [
    path("", views.index, name="index"),
    path("request/<slug:kind>/", views.request_form, name="request"),
    path("verify/", views.verify, name="verify"),
    path("v/<str:token>/", views.link, name="link"),
    path("status/", views.status_lookup, name="status"),
    path("status/<str:ref>/", views.case, name="case"),
    path("download/<str:token>/", views.download, name="download"),
]
