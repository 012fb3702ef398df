"""Staff accounts and the second factor in the console, under /console/staff/."""

from django.contrib import admin
from django.urls import path
from django.views.decorators.cache import never_cache

from hogo.console import login, second_factor_pages, staff_pages

app_name = "console_staff"
urlpatterns = [
    path("", staff_pages.staff_index, name="list"),
    path("new/", staff_pages.staff_new, name="new"),
    path("<int:user_id>/password/", staff_pages.staff_password, name="password"),
    path("<int:user_id>/disable/", staff_pages.staff_disable_page, name="disable"),
    path(
        "<int:user_id>/second-factor/reset/",
        staff_pages.staff_second_factor_reset,
        name="second_factor_reset",
    ),
    # Any staff member, for their own account.
    path(
        "second-factor/",
        admin.site.admin_view(never_cache(second_factor_pages.second_factor_setup)),
        name="second_factor",
    ),
    path("login/code/", login.login_code, name="login_code"),
]
