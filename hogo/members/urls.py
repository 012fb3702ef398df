from django.urls import path

from hogo.members import views

app_name = "members"
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("correct/", views.correct, name="correct"),
    path("invitations/", views.invitations, name="invitations"),
    path("withdraw/", views.withdraw, name="withdraw"),
    path("password/", views.reset_request, name="reset_request"),
    path("password/<str:token>/", views.reset, name="reset"),
]
