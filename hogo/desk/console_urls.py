"""The desk in the staff console, under /console/desk/ (see console.py)."""

from django.urls import path

from hogo.desk import console

app_name = "desk_console"
urlpatterns = [
    path("", console.queue, name="queue"),
    path("new/", console.record, name="record"),
    path("<str:ref>/", console.detail, name="detail"),
    path("<str:ref>/review/", console.review, name="review"),
    path("<str:ref>/print/", console.print_pdf, name="print"),
    path("<str:ref>/assign/", console.assign, name="assign"),
    path("<str:ref>/note/", console.note, name="note"),
    path("<str:ref>/approve/", console.approve, name="approve"),
    path("<str:ref>/refuse/", console.refuse, name="refuse"),
    path("<str:ref>/fee/", console.fee, name="fee"),
    path("<str:ref>/posted/", console.posted, name="posted"),
    path("<str:ref>/retry/", console.retry, name="retry"),
    path("<str:ref>/system-done/", console.system_done, name="system_done"),
]
