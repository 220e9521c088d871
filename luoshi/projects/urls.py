from django.urls import path

from luoshi.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_new, name="new"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/contacts/", views.contact_add, name="contact"),
    path("<int:pk>/stage/", views.stage, name="stage"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path("<int:pk>/batch/", views.join, name="join"),
    path("<int:pk>/obstacles/", views.raise_obstacle, name="raise"),
    path("obstacles/", views.obstacle_list, name="obstacles"),
    path("obstacles/<int:pk>/", views.obstacle_detail, name="obstacle"),
    path("obstacles/<int:pk>/<slug:action>/", views.obstacle_action, name="obstacle_action"),
    path("rollup/", views.rollup_view, name="rollup"),
    path("batches/", views.batch_list, name="batches"),
    path("import/", views.import_view, name="import"),
    path("import/template.xlsx", views.import_template, name="import_template"),
]
