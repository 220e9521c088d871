from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "luoshi.enterprises"
    label = "enterprises"
    verbose_name = "企业库"
