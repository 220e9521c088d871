from django.urls import path

from luoshi.pledge import views

app_name = "pledge"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:plan_id>/", views.plan, name="plan"),
    path("targets/<int:pk>/", views.target, name="target"),
]
