from django.urls import path

from luoshi.units import views

app_name = "units"
urlpatterns = [
    path("", views.unit_tree, name="tree"),
    path("import/", views.import_view, name="import"),
    path("<int:pk>/actions/", views.unit_actions, name="actions"),
    path("<int:pk>/add/", views.add_unit, name="add"),
    path("<int:pk>/rename/", views.rename_unit, name="rename"),
    path("<int:pk>/archive/", views.archive_unit, {"archived": True}, name="archive"),
    path("<int:pk>/unarchive/", views.archive_unit, {"archived": False}, name="unarchive"),
]
