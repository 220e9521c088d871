from django.urls import path

from luoshi.chains import views

app_name = "chains"
urlpatterns = [
    path("", views.chain_list, name="list"),
    path("new/", views.chain_new, name="new"),
    path("<int:pk>/", views.chain_detail, name="detail"),
    path("<int:pk>/edit/", views.chain_edit, name="edit"),
    path("<int:pk>/archive/", views.chain_archive, name="archive"),
    path("<int:pk>/nodes/", views.node_add, name="node_add"),
    path("<int:pk>/export.xlsx", views.chain_export, name="export"),
    path("<int:pk>/import/", views.chain_import, name="import"),
    path("nodes/<int:pk>/", views.node_detail, name="node"),
    path("nodes/<int:pk>/edit/", views.node_edit, name="node_edit"),
    path("nodes/<int:pk>/move/", views.node_move, name="node_move"),
    path("nodes/<int:pk>/archive/", views.node_archive, name="node_archive"),
    path("nodes/<int:pk>/firms/", views.firm_attach, name="attach"),
    path("nodes/<int:pk>/targets/", views.target_add, name="target_add"),
    path("firms/<int:pk>/remove/", views.firm_detach, name="detach"),
    path("targets/<int:pk>/remove/", views.target_remove, name="target_remove"),
]
