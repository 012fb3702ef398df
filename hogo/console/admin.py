from django.contrib import admin

from hogo.console.forms import ThrottledAdminAuthenticationForm
from hogo.console.login import staff_login

admin.site.login_form = ThrottledAdminAuthenticationForm
# The password, then the code for staff with a second factor (login.py).
admin.site.login = staff_login  # type: ignore[method-assign]
admin.site.site_header = "hogo"
admin.site.site_title = "hogo console"
