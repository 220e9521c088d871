from django.apps import AppConfig


class PledgeConfig(AppConfig):
    name = "luoshi.pledge"
    label = "pledge"
    verbose_name = "公开承诺"
