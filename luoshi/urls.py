from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from luoshi.api.urls import api

admin.site.site_header = "落实 Luoshi 系统管理"
admin.site.site_title = "落实 Luoshi"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="plans:list"), name="home"),
    path("plans/", include("luoshi.plans.urls")),
    path("review/", include("luoshi.review.urls")),
    path("units/", include("luoshi.units.urls")),
    path("figures/", include("luoshi.figures.urls")),
    path("catalogue/", include("luoshi.figures.catalogue_urls")),
    path("dashboard/", include("luoshi.dashboard.urls")),
    path("briefings/", include("luoshi.briefings.urls")),
    path("pledge/", include("luoshi.pledge.urls")),
    path("compare/", include("luoshi.compare.urls")),
    path("projects/", include("luoshi.projects.urls")),
    path("chains/", include("luoshi.chains.urls")),
    path("enterprises/", include("luoshi.enterprises.urls")),
    path("attraction/", include("luoshi.attraction.urls")),
    path("tasks/", include("luoshi.tasks.urls")),
    path("inbox/", include("luoshi.notices.urls")),
    path("changes/", include("luoshi.core.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("luoshi.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
