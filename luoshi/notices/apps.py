from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "luoshi.notices"
    label = "notices"
    verbose_name = "站内通知"
