"""`luoshi remind`: send today's reminders (cron), or keep sending them (`--loop`, stops cleanly on SIGTERM)."""

import datetime as dt
import signal
import sys
import threading


def add_parsers(subparsers) -> None:
    remind = subparsers.add_parser("remind", help="send each unit its figures due and tasks due soon or overdue")
    remind.add_argument("--dry-run", action="store_true", help="list what would be sent, send nothing")
    remind.add_argument("--loop", action="store_true", help="keep running, sending every --interval seconds")
    remind.add_argument("--interval", type=int, default=3600, help="seconds between runs with --loop")
    remind.add_argument("--date", help="act as if today were this day (YYYY-MM-DD)")
    remind.set_defaults(func=run_remind, django=True)


def _today(args) -> dt.date:
    return dt.date.fromisoformat(args.date) if args.date else dt.date.today()


def once(args) -> int:
    from luoshi.tasks import reminders

    today = _today(args)
    for item in reminders.unaddressed(today):
        print(f"无人接收\t{item.text}(该单位没有可接收提醒的账户,请用 luoshi users add 添加)", file=sys.stderr)
    if args.dry_run:
        deliveries = reminders.pending(today)
        for d in deliveries:
            unit = d.user.unit.name if d.user.unit_id else ""
            print(f"{unit}\t{d.user.username}\t{d.user.email or '(无邮箱,仅站内)'}\t{d.notice.text}")
        print(f"试运行:将发送 {len(deliveries)} 条提醒(未发送)")
        return 0
    sent = reminders.send(today)
    print(f"已发送 {len(sent)} 条提醒,共 {len({n.recipient_id for n in sent})} 人")
    return 0


def run_remind(args) -> int:
    if args.date:
        try:
            _today(args)
        except ValueError:
            print(f"luoshi remind: --date {args.date}: 应为 YYYY-MM-DD", file=sys.stderr)
            return 2
    if not args.loop:
        return once(args)
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.is_set():
            once(args)
            sys.stdout.flush()
            stop.wait(max(args.interval, 1))
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    print("luoshi remind:已停止")
    return 0
