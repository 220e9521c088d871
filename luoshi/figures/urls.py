from django.urls import path

from luoshi.figures import views

app_name = "figures"
urlpatterns = [
    path("entry/", views.entry, name="entry"),
    path("review/", views.review_queue, name="review"),
    path("review/<int:pk>/approve/", views.review_action, {"action": "approve"}, name="approve"),
    path("review/<int:pk>/return/", views.review_action, {"action": "return"}, name="return"),
    path("template.xlsx", views.template_download, name="template"),
    path("upload/", views.upload, name="upload"),
    path("upload/<int:pk>/apply/", views.upload_apply, name="upload_apply"),
    path("not-published/", views.not_published, name="not_published"),
]
