from django.urls import path

from hogo.policy import notice_views, views

app_name = "policy"
urlpatterns = [
    path("", views.notice, name="notice"),
    path("versions/", views.versions, name="versions"),
    path("versions/<int:number>/", views.notice, name="version"),
    path("notices/<slug:notice_id>/", notice_views.notice_page, name="supplementary"),
    path(
        "notices/<slug:notice_id>/versions/",
        notice_views.notice_versions,
        name="supplementary_versions",
    ),
    path(
        "notices/<slug:notice_id>/versions/<int:number>/",
        notice_views.notice_page,
        name="supplementary_version",
    ),
]
