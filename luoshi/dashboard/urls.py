from django.urls import path

from luoshi.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.board, name="board"),
    path("ranking/", views.ranking, name="ranking"),
]
