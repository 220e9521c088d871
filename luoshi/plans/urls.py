from django.urls import path

from luoshi.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("targets/<int:pk>/", views.target_detail, name="target"),
    path("targets/<int:pk>/assignments/", views.target_assignments, name="assignments"),
    path("targets/<int:pk>/assignments.xlsx", views.assignments_workbook, name="assignments_xlsx"),
    path("targets/<int:pk>/assignments/upload/", views.upload_assignments, name="assignments_upload"),
]
