from django.urls import path

from luoshi.tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.task_list, name="list"),
    path("new/", views.task_new, name="new"),
    path("<int:pk>/", views.task_detail, name="detail"),
    path("<int:pk>/step/<slug:action>/", views.step, name="step"),
    path("<int:pk>/evidence/", views.upload, name="upload"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/read/", views.inbox_read, name="inbox_read"),
]
