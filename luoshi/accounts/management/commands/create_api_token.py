from django.core.management.base import BaseCommand, CommandError

from luoshi.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Issue an API token for a user (printed once; only its hash is kept)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="api", help="what the token is for")
        parser.add_argument("--read-only", action="store_true",
                            help="the token may only read (GET); any other request is refused with 403")

    def handle(self, *args, username, name, read_only, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        _, key = ApiToken.issue(user, name, ApiToken.Scope.READ if read_only else ApiToken.Scope.WRITE)
        self.stdout.write(key)
