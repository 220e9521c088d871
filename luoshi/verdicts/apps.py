from django.apps import AppConfig


class VerdictsConfig(AppConfig):
    name = "luoshi.verdicts"
    label = "verdicts"
    verbose_name = "研判结果"

    def ready(self) -> None:
        from luoshi.verdicts import (
            notices,  # noqa: F401  (a target turning red tells the leaders)
            receivers,  # noqa: F401  (refresh on approval, stale on edits)
        )
