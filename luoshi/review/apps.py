from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "luoshi.review"
    label = "review"
    verbose_name = "目标审核"
