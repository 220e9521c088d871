from django.urls import path

from luoshi.units import views

app_name = "units"
urlpatterns = [path("", views.unit_tree, name="tree")]
