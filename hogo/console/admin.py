from django.contrib import admin

from hogo.console.forms import ThrottledAdminAuthenticationForm

admin.site.login_form = ThrottledAdminAuthenticationForm
admin.site.site_header = "hogo"
admin.site.site_title = "hogo console"
