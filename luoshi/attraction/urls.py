from django.urls import path

from luoshi.attraction import views

app_name = "attraction"
urlpatterns = [
    path("", views.pipeline, name="pipeline"),
    path("summary/", views.summary_view, name="summary"),
    path("leads/new/", views.lead_new, name="lead_new"),
    path("leads/import/", views.leads_import, name="leads_import"),
    path("leads/template.xlsx", views.leads_template, name="leads_template"),
    path("leads/export.xlsx", views.leads_export, name="leads_export"),
    path("leads/<int:pk>/", views.lead_detail, name="lead"),
    path("leads/<int:pk>/edit/", views.lead_edit, name="lead_edit"),
    path("leads/<int:pk>/stage/", views.lead_stage, name="lead_stage"),
    path("leads/<int:pk>/project/", views.lead_link, name="lead_link"),
    path("leads/<int:pk>/funds/", views.lead_funds, name="lead_funds"),
    path("task-forces/", views.task_force_list, name="task_forces"),
    path("task-forces/new/", views.task_force_form, name="task_force_new"),
    path("task-forces/<int:pk>/", views.task_force_detail, name="task_force"),
    path("task-forces/<int:pk>/edit/", views.task_force_form, name="task_force_edit"),
    path("task-forces/<int:pk>/archive/", views.task_force_archive, name="task_force_archive"),
    path("events/", views.event_list, name="events"),
    path("events/new/", views.event_form, name="event_new"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("events/<int:pk>/edit/", views.event_form, name="event_edit"),
    path("events/<int:pk>/archive/", views.event_archive, name="event_archive"),
]
