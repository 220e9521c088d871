from django.apps import AppConfig


class BriefingsConfig(AppConfig):
    name = "luoshi.briefings"
    label = "briefings"
    verbose_name = "通报"
