"""`luoshi units import --under CODE [--dry-run]`: China's divisions as units (the same path as the page)."""

from django.core.management.base import BaseCommand, CommandError

from luoshi.units.importing import UnknownDivision, import_divisions


class Command(BaseCommand):
    help = "单位: import administrative divisions (行政区划) as units."
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="add a division with everything below it and its missing ancestors")
        imp.add_argument("--under", required=True, metavar="CODE", help="six-digit division code, e.g. 410000")
        imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")

    def handle(self, *args, action, under, dry_run, **options):
        try:
            report = import_divisions(under, dry_run=dry_run)
        except UnknownDivision as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
