from django.core.management.base import BaseCommand, CommandError

from luoshi.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Issue an API token for a user (printed once; only its hash is kept)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="api", help="what the token is for")

    def handle(self, *args, username, name, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        _, key = ApiToken.issue(user, name)
        self.stdout.write(key)
