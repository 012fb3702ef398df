from django.urls import path

from hogo.policy import views

app_name = "policy"
urlpatterns = [
    path("", views.notice, name="notice"),
    path("versions/", views.versions, name="versions"),
    path("versions/<int:number>/", views.notice, name="version"),
]
