"""The oversight pages of the safety console (included by console_urls.py, in its namespace):
sealed evidence, internal reviews, contractors."""

from django.urls import path

from hogo.safety import evidence_console, review_console, supervision_console

urlpatterns = [
    path("reviews/", review_console.review_list, name="reviews"),
    path("reviews/new/", review_console.review_new, name="review_new"),
    path("reviews/<str:ref>/", review_console.review_detail, name="review"),
    path(
        "reviews/<str:ref>/items/<int:position>/",
        review_console.review_assess,
        name="review_assess",
    ),
    path(
        "reviews/<str:ref>/items/<int:position>/actions/",
        review_console.review_action_new,
        name="review_action_new",
    ),
    path(
        "reviews/<str:ref>/actions/<int:pk>/done/",
        review_console.review_action_done,
        name="review_action_done",
    ),
    path("reviews/<str:ref>/close/", review_console.review_close_view, name="review_close"),
    path("reviews/<str:ref>/report.pdf", review_console.review_report, name="review_report"),
    path("contractors/", supervision_console.contractors, name="contractors"),
    path(
        "contractors/<str:ref>/assess/",
        supervision_console.contractor_assess_view,
        name="contractor_assess",
    ),
    path("<str:ref>/evidence/", evidence_console.evidence_page, name="evidence"),
    path(
        "<str:ref>/evidence/<str:evidence>/open/",
        evidence_console.evidence_open_view,
        name="evidence_open",
    ),
]
