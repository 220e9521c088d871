from django.core.management.base import BaseCommand

from luoshi.figures.uploads import expire_previews


class Command(BaseCommand):
    help = "Remove figure-upload previews older than LUOSHI_UPLOAD_PREVIEW_HOURS (run it daily, e.g. from cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"removed {expire_previews()} expired previews")
