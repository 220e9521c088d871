from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "luoshi.figures"
    label = "figures"
    verbose_name = "数据填报"
