from django.urls import path

from luoshi.figures import catalogue_views as views

app_name = "catalogue"
urlpatterns = [
    path("", views.catalogue_list, name="list"),
    path("add/", views.series_add, name="add"),
    path("<int:pk>/", views.series_edit, name="edit"),
    path("<int:pk>/archive/", views.series_archive, {"archived": True}, name="archive"),
    path("<int:pk>/restore/", views.series_archive, {"archived": False}, name="restore"),
]
