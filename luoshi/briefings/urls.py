from django.urls import path

from luoshi.briefings import views

app_name = "briefings"
urlpatterns = [
    path("", views.index, name="index"),
    path("download/", views.download, name="download"),
]
