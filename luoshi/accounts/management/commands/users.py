"""`luoshi users add|list|archive`: accounts from the command line, through luoshi.accounts.people."""

import getpass
import sys

from django.core.management.base import BaseCommand, CommandError

from luoshi.accounts import people


class Command(BaseCommand):
    help = "用户: add, list and archive accounts (archived accounts are kept, never deleted)."
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="add an account")
        add.add_argument("username")
        add.add_argument("--role", required=True, help="admin, analyst, leader or reporter")
        add.add_argument("--unit", metavar="CODE", help="the unit's code (required for all but admin)")
        add.add_argument("--name", default="", help="姓名 (display name)")
        add.add_argument("--password", help="else asked for on a terminal, or generated and printed once")
        listing = sub.add_parser("list", help="list accounts")
        listing.add_argument("--unit", metavar="CODE", help="only this unit and the units below it")
        archive = sub.add_parser("archive", help="deactivate an account (never deleted)")
        archive.add_argument("username")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"do_{action}")(**options)
        except people.PeopleError as exc:
            raise CommandError(str(exc)) from exc

    def do_add(self, username, role, unit, name, password, **options):
        if password is None and self.interactive():
            password = getpass.getpass(f"{username} 的密码(直接回车则自动生成):") or None
        user, generated = people.add_person(username, role=role, unit_code=unit, display_name=name,
                                            password=password)
        where = f" · {user.unit.name}({user.unit.code})" if user.unit_id else ""
        self.stdout.write(f"已添加 {user.username}({user.get_role_display()}){where}")
        if generated:
            self.stdout.write(f"初始密码(只显示这一次):{generated}")

    def do_list(self, unit, **options):
        for user in people.people(unit):
            state = "" if user.is_active else "\t已归档"
            where = f"{user.unit.code}\t{user.unit.name}" if user.unit_id else "-\t-"
            self.stdout.write(f"{user.username}\t{user.display_name or '-'}\t{user.role}\t{where}{state}")

    def do_archive(self, username, **options):
        user = people.archive_person(username)
        self.stdout.write(f"已归档 {user.username}(不能再登录,记录保留)")

    def interactive(self) -> bool:
        return sys.stdin.isatty()
