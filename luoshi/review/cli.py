"""`luoshi plan new`: a plan file in, a draft (or published) plan out — the review page's own steps."""

import sys


def add_parsers(subparsers) -> None:
    plan = subparsers.add_parser("plan", help="plans: create one from its text (luoshi plan new FILE …)")
    actions = plan.add_subparsers(dest="plan_command", required=True)
    new = actions.add_parser("new", help="extract a plan file into a draft plan issued by a region's unit")
    new.add_argument("file", help="the plan text: .txt (UTF-8 or GBK), .docx, PDF with a text layer, .html")
    new.add_argument("--region", required=True, help="code of the issuing region's unit (e.g. 410200)")
    new.add_argument("--year", type=int, help="plan year (default: read from the text)")
    new.add_argument("--title", help="plan title (default: the text's first line)")
    new.add_argument("--accept-all", action="store_true", help="accept every proposal as proposed")
    new.add_argument("--publish", action="store_true", help="publish the plan (refused while blockers remain)")
    new.add_argument("--as", dest="username", help="act as this analyst (default: the system)")
    new.set_defaults(func=run_new, django=True)


def fail(message: str, code: int = 2) -> int:
    print(f"luoshi plan new: {message}", file=sys.stderr)
    return code


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]


def series_label(target) -> str:
    if target.series_id:
        return target.series.name
    return "由责任单位报送" if target.reported_by_owner else "无统计指标"


def print_plan(plan) -> None:
    print(f"plan {plan.pk}\t{plan.title}\t{plan.get_status_display()}")
    pending = plan.proposals.undecided().count()
    if pending:
        print(f"{pending} proposals to review: /review/plans/{plan.pk}/")
    for target in plan.targets.active().select_related("series", "region_unit", "owner"):
        print(f"target {target.pk}\t{target.indicator}\t{target.period}\t{target.value.normalize():f}"
              f" {target.unit_of_measure}\t{series_label(target)}\t{target.region_unit or '—'}\t{target.owner or '—'}")


def user_named(username):
    from luoshi.accounts.models import User

    return User.objects.filter(username=username).first() if username else None


def run_new(args) -> int:
    from django.core.exceptions import PermissionDenied

    from luoshi.lib.extract import ExtractionError, read_document
    from luoshi.lib.extract.timing import plan_year
    from luoshi.review import decisions, publishing
    from luoshi.review.drafting import create_plan_from_text
    from luoshi.units.models import Unit

    issuer = Unit.objects.filter(code=args.region).first()
    if issuer is None:
        return fail(f"no unit with code {args.region}: run `luoshi units import --under {args.region}` first")
    user = user_named(args.username)
    if args.username and user is None:
        return fail(f"no user {args.username!r}")
    try:
        text = read_document(args.file)
    except ExtractionError as error:
        return fail(str(error))
    year = args.year or plan_year(text)
    if year is None:
        return fail("the text names no plan year: give --year")
    try:
        plan = create_plan_from_text(user, title=args.title or first_line(text), year=year,
                                     region=issuer.display_name, issuer=issuer, text=text)
        if args.accept_all:
            decisions.accept_all(plan, user)
        if args.publish:
            publishing.publish(plan, user, confirmed=True)
    except PermissionDenied as denied:
        return fail(str(denied))
    except publishing.PublishRefused as refused:
        print_plan(plan)
        for gap in refused.readiness.blockers:
            print(f"blocker: {gap.message}", file=sys.stderr)
        return fail(f"plan {plan.pk} left as a draft: not published", 1)
    for gap in publishing.readiness(plan).warnings:
        print(f"warning: {gap.message}", file=sys.stderr)
    print_plan(plan)
    return 0
