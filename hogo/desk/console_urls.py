"""The desk in the staff console, under /console/desk/ (see console.py, console_actions.py)."""

from django.urls import path

from hogo.desk import console, console_actions

app_name = "desk_console"
urlpatterns = [
    path("", console.queue, name="queue"),
    path("new/", console.record, name="record"),
    path("assign/", console.bulk_assign, name="bulk_assign"),
    path("export/", console.export, name="export"),
    path("<str:ref>/", console.detail, name="detail"),
    path("<str:ref>/review/", console.review, name="review"),
    path("<str:ref>/print/", console.print_pdf, name="print"),
    path("<str:ref>/assign/", console_actions.assign, name="assign"),
    path("<str:ref>/note/", console_actions.note, name="note"),
    path("<str:ref>/approve/", console_actions.approve, name="approve"),
    path("<str:ref>/refuse/", console_actions.refuse, name="refuse"),
    path("<str:ref>/fee/", console_actions.fee, name="fee"),
    path("<str:ref>/posted/", console_actions.posted, name="posted"),
    path("<str:ref>/retry/", console_actions.retry, name="retry"),
    path("<str:ref>/system-done/", console_actions.system_done, name="system_done"),
    path("<str:ref>/system-upload/", console_actions.system_upload, name="system_upload"),
]
