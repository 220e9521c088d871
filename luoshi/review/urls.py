from django.urls import path

from luoshi.review import views

app_name = "review"
urlpatterns = [
    path("new/", views.new_plan, name="new"),
    path("plans/<int:pk>/", views.review_plan, name="plan"),
    path("plans/<int:pk>/add/", views.add_proposal, name="add"),
    path("plans/<int:pk>/text/", views.edit_plan_text, name="text"),
    path("plans/<int:pk>/reextract/", views.reextract_plan, name="reextract"),
    path("plans/<int:pk>/publish/", views.publish_plan, name="publish"),
    path("plans/<int:pk>/unpublish/", views.unpublish_plan, name="unpublish"),
    path("plans/<int:pk>/accept-all/", views.accept_all_proposals, name="accept_all"),
    path("proposals/<int:pk>/", views.proposal_row, name="row"),
    path("proposals/<int:pk>/accept/", views.accept_proposal, name="accept"),
    path("proposals/<int:pk>/edit/", views.edit_proposal, name="edit"),
    path("proposals/<int:pk>/reject/", views.reject_proposal, name="reject"),
]
