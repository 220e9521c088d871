from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "luoshi.units"
    label = "units"
    verbose_name = "单位"
