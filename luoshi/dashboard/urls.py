from django.urls import path

from luoshi.dashboard import milestones, views

app_name = "dashboard"
urlpatterns = [
    path("", views.board, name="board"),
    path("ranking/", views.ranking, name="ranking"),
    path("panels/", views.panels, name="panels"),
    path("targets/<int:pk>/milestones/", milestones.save, name="milestones"),
]
