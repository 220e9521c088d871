from django.urls import path

from luoshi.notices import views

app_name = "notices"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("read/", views.read_all, name="read_all"),
    path("<int:pk>/read/", views.read_one, name="read"),
    path("email/", views.email_choice, name="email"),
]
