from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "luoshi.dashboard"
    label = "dashboard"
    verbose_name = "看板"
