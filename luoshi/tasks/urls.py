from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import RedirectView

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
    # The inbox moved to the notices app; notices stored before keep their links.
    path("inbox/", login_required(RedirectView.as_view(pattern_name="notices:inbox", permanent=True)), name="inbox"),
]
