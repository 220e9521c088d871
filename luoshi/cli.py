"""The `luoshi` console script: demo, serve, export, manage, and the domain commands."""

import argparse
import os
import sys
from pathlib import Path

from luoshi.attraction import cli as attraction_cli
from luoshi.briefings import cli as briefings_cli
from luoshi.chains import cli as chains_cli
from luoshi.compare import cli as compare_cli
from luoshi.conf import PROXY_HEADERS, env_int, trusted_proxy
from luoshi.figures import cli as figures_cli
from luoshi.lib.extract import cli as extract_cli
from luoshi.plans import cli as plans_cli
from luoshi.projects import cli as projects_cli
from luoshi.review import cli as review_cli
from luoshi.tasks import cli as tasks_cli
from luoshi.verdicts import cli as verdicts_cli


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django

    django.setup()


def call(*args: str) -> None:
    from django.core.management import call_command

    call_command(*args)


def prepare_database() -> None:
    """Bring the schema up to date and collect the static files WhiteNoise serves."""
    from django.conf import settings

    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    call("migrate", "--noinput", "--verbosity", "0")
    collect_static()


def collect_static() -> None:
    from luoshi.core.staticfiles import collect_if_changed

    if collect_if_changed():
        print("静态文件已收集。")


def reset_database() -> None:
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        Path(db["NAME"]).unlink(missing_ok=True)
    else:
        call("flush", "--noinput")


def cmd_demo(args) -> int:
    os.environ["LUOSHI_DEMO"] = "1"  # the demo is this command's flag, never a file in the data directory
    setup_django()
    if args.reset:
        reset_database()
    prepare_database()
    from luoshi.demo import loader

    if loader.is_loaded():
        print("演示数据已存在,直接使用 (luoshi demo --reset 可重建)。")
    else:
        plan = loader.load_demo()
        print(f"已载入演示规划:{plan.title}({plan.targets.count()} 项目标)")
    print_demo_accounts(loader)
    return 0 if args.no_serve else serve(args.host, args.port)


def print_demo_accounts(loader) -> None:
    print(f"演示账号(密码均为 {loader.DEMO_PASSWORD}):")
    for account in loader.DEMO_ACCOUNTS:
        print(f"  {account.username:<10} {account.display_name}")


def serve(host: str, port: int) -> int:
    from waitress import serve as waitress_serve

    from luoshi.wsgi import application

    print(f"落实 Luoshi 运行于 http://{host}:{port}/  (Ctrl-C 停止)", flush=True)
    # Month-end rush: queue up to LUOSHI_CONNECTION_LIMIT connections (waitress's default of 100 refuses
    # the rest), and drop work whose client has gone instead of finishing it.
    waitress_serve(application, host=host, port=port, ident="luoshi",
                   threads=env_int("LUOSHI_THREADS", 8),
                   connection_limit=env_int("LUOSHI_CONNECTION_LIMIT", 1000),
                   channel_timeout=env_int("LUOSHI_CHANNEL_TIMEOUT", 60),
                   channel_request_lookahead=5, **proxy_trust())
    return 0


def proxy_trust() -> dict:
    """Waitress believes X-Forwarded-Proto/-Host/-For from LUOSHI_TRUSTED_PROXY only (and drops anyone else's)."""
    proxy = trusted_proxy()
    return {"trusted_proxy": proxy, "trusted_proxy_headers": PROXY_HEADERS} if proxy else {}


def cmd_serve(args) -> int:
    setup_django()
    if not args.no_collectstatic:
        collect_static()
    return serve(args.host, args.port)


def cmd_export(args) -> int:
    setup_django()
    from luoshi.plans import export

    plans = export.plans_for_export(args.plan)
    if args.plan and not plans.exists():
        print(f"luoshi export: no plan with id {args.plan}", file=sys.stderr)
        return 2
    text = export.to_json(plans) if args.format == "json" else export.to_csv(plans)
    write_output(text, args.output)
    return 0


def write_output(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_manage(args) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["luoshi manage", *args.args])
    return 0


def add_command(sub, name: str, help: str) -> None:
    """`luoshi NAME …` runs the management command NAME (its own --help lists the options)."""
    parser = sub.add_parser(name, help=help, add_help=False, prefix_chars="\0")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    parser.set_defaults(func=lambda args: run_command(name, args.args))


def run_command(name: str, argv: list[str]) -> int:
    """The management command NAME with ARGV, its refusal said on stderr with its exit code.

    Through `call_command`, not `execute_from_command_line`, which closes every database connection
    when it is done (and so the caller's, when `main` runs inside another program or a test).
    """
    setup_django()
    from django.core.management import CommandError, call_command

    try:
        call_command(name, *argv)
    except CommandError as exc:
        print(f"luoshi {name}: {exc}", file=sys.stderr)
        return exc.returncode
    return 0


def add_server_options(parser) -> None:
    parser.add_argument("--host", default=os.environ.get("LUOSHI_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("LUOSHI_PORT", "8000")))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="luoshi", description="落实 Luoshi: plan targets to delivered results")
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="create the SQLite demo with the Zhengzhou 2023 plan and serve it")
    add_server_options(demo)
    demo.add_argument("--no-serve", action="store_true", help="load the demo and exit")
    demo.add_argument("--reset", action="store_true", help="rebuild the demo database from scratch")
    demo.set_defaults(func=cmd_demo)

    serve_parser = sub.add_parser("serve", help="serve Luoshi with the waitress WSGI server")
    add_server_options(serve_parser)
    serve_parser.add_argument("--no-collectstatic", action="store_true")
    serve_parser.set_defaults(func=cmd_serve)

    exp = sub.add_parser("export", help="plans with their fronts and targets, provenance included")
    exp.add_argument("--plan", type=int, help="only the plan with this id")
    exp.add_argument("--format", choices=["json", "csv"], default="json")
    exp.add_argument("-o", "--output", help="write to FILE instead of stdout")
    exp.set_defaults(func=cmd_export)

    figures_cli.add_parsers(sub)
    verdicts_cli.add_parsers(sub)
    briefings_cli.add_parsers(sub)
    compare_cli.add_parsers(sub)
    extract_cli.add_parser(sub)
    tasks_cli.add_parsers(sub)
    projects_cli.add_parsers(sub)
    chains_cli.add_parsers(sub)
    attraction_cli.add_parsers(sub)
    review_cli.add_parsers(sub)
    plans_cli.add_parsers(sub)
    add_command(sub, "units", "units (单位): import China's divisions (luoshi units import --under 410000)")
    add_command(sub, "users", "users (用户): add, list and archive accounts")

    manage = sub.add_parser("manage", help="Django management commands (luoshi manage migrate …)")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "django", False):
        setup_django()
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
