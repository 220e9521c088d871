from django.urls import path

from luoshi.compare import views

app_name = "compare"
urlpatterns = [
    path("", views.index, name="index"),
    path("years/", views.years, name="years"),
    path("peers/", views.peer_view, name="peers"),
    path("briefing/", views.briefing, name="briefing"),
]
