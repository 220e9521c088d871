from django.urls import path

from luoshi.core import views

app_name = "core"

urlpatterns = [
    path("", views.change_list, name="changes"),
]
