from django.urls import path

from hogo.site import views

app_name = "site"
urlpatterns = [
    path("consent.js", views.consent_js, name="consent-js"),
    path("config.json", views.config, name="config"),
    path("consent", views.consent, name="consent"),
    path("demo/", views.demo, name="demo"),
    path("demo/analytics.js", views.demo_analytics_js, name="demo-analytics-js"),
]
