from django.urls import path

from hogo.collect import views

app_name = "collect"
urlpatterns = [
    path("", views.index, name="index"),
    path("members/activate/<str:token>/", views.activate, name="activate"),
    path("<slug:channel_id>/", views.channel_form, name="form"),
    path("<slug:channel_id>/done/", views.done, name="done"),
]
