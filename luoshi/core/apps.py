from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "luoshi.core"
    label = "core"
    verbose_name = "核心"

    def ready(self) -> None:
        from luoshi.core import signals  # noqa: F401  (connects the change log)
