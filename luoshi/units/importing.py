"""导入行政区划: bring a division and everything below it (and its missing ancestors) in as units.

One function, `import_divisions`, used by `luoshi units import`, the units page and the API. It is
idempotent: an existing unit keeps its pk and is changed only where the divisions differ; an archived
unit stays archived and is reported, never resurrected silently.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.core.context import change_context, current
from luoshi.lib.divisions import Division, load
from luoshi.units.models import Unit

Kind = Unit.Kind
KINDS = {
    "省": Kind.PROVINCE, "自治区": Kind.PROVINCE, "直辖市": Kind.PROVINCE, "特别行政区": Kind.PROVINCE,
    "地级市": Kind.CITY, "自治州": Kind.CITY, "地区": Kind.CITY, "盟": Kind.CITY,
    "市辖区": Kind.DISTRICT,
    "县级市": Kind.COUNTY_CITY,
    "县": Kind.COUNTY, "自治县": Kind.COUNTY, "旗": Kind.COUNTY, "自治旗": Kind.COUNTY,
    "特区": Kind.COUNTY, "林区": Kind.COUNTY,
}
SYNCED = ("name", "short_name", "kind", "parent_id")


class UnknownDivision(ValueError):
    """The code is not a division of the shipped data."""


@dataclass
class ImportReport:
    """What an import did (or, with dry_run, would do)."""

    code: str
    dry_run: bool = False
    created: list[Unit] = field(default_factory=list)
    updated: list[tuple[Unit, list[str]]] = field(default_factory=list)
    archived: list[Unit] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def lines(self, with_created: bool = True) -> list[str]:
        """The report in words, one line per created (if asked), updated or archived unit, then the totals."""
        lines = [_("新建 %(name)s(%(code)s)") % {"name": u.name, "code": u.code}
                 for u in self.created if with_created]
        lines += [_("更新 %(name)s(%(code)s):%(fields)s") % {"name": u.name, "code": u.code,
                                                             "fields": "、".join(f)} for u, f in self.updated]
        lines += [_("%(name)s(%(code)s)已归档,未恢复;如需使用请在单位页取消归档") % {
            "name": u.name, "code": u.code} for u in self.archived]
        lines.append(self.summary())
        return lines

    def summary(self) -> str:
        counts = {"created": len(self.created), "updated": len(self.updated), "unchanged": self.unchanged,
                  "archived": len(self.archived)}
        if not self.changed:
            text = _("无需更改:%(unchanged)s 个单位已是最新(已归档 %(archived)s 个)") % counts
        else:
            text = _("新建 %(created)s 个,更新 %(updated)s 个,未变 %(unchanged)s 个,已归档 %(archived)s 个") % counts
        return text + (_("(试运行,未写入)") if self.dry_run else "")


def division(code: str) -> Division:
    found = load().by_code.get(code.strip())
    if found is None:
        raise UnknownDivision(_("没有行政区划代码 %(code)s(应为六位国家行政区划代码,如 410000)") % {"code": code})
    return found


def is_admin(user) -> bool:
    return user.is_superuser or user.role == user.Role.ADMIN


def may_import(user, code: str) -> bool:
    """Admins import anything; an analyst only a division at or below a unit they may change."""
    if is_admin(user):
        return True
    if not user.edits_plans:
        return False
    chain = [code] + [d.code for d in load().ancestors(code)]
    return units_for(user, CHANGE).filter(code__in=chain).exists()


def ancestors_to_sync(top: Division, user) -> list[Division]:
    """The ancestors of TOP to create or update, root first: all of them for the system and admins; for
    an analyst only those from the highest one in their jurisdiction down (what lies above is not theirs)."""
    chain = list(reversed(load().ancestors(top.code)))
    if user is None or is_admin(user):
        return chain
    mine = set(units_for(user, CHANGE).filter(code__in=[d.code for d in chain]).values_list("code", flat=True))
    return next((chain[i:] for i, d in enumerate(chain) if d.code in mine), [])


def import_divisions(code: str, user=None, dry_run: bool = False) -> ImportReport:
    """Add the division CODE with everything below it, and its missing ancestors, as units.

    USER (None for the command line) must be allowed to import CODE; every change is logged in
    their name. With DRY_RUN the same work is done and rolled back: the report says what would change.
    """
    top = division(code)
    if user is not None and not may_import(user, top.code):
        raise PermissionDenied(_("行政区划 %(code)s 不在您的辖区内") % {"code": top.code})
    wanted = ancestors_to_sync(top, user) + load().below(top.code)
    report = ImportReport(top.code, dry_run)
    context = current()
    with transaction.atomic(), change_context(user or context.user, context.request_id):
        codes = [d.code for d in wanted] + [wanted[0].parent]
        existing = {u.code: u for u in Unit.objects.filter(code__in=codes)}
        for item in wanted:
            parent = existing.get(item.parent) if item.parent else None
            existing[item.code] = _bring_in(item, parent, existing.get(item.code), report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _bring_in(item: Division, parent: Unit | None, unit: Unit | None, report: ImportReport) -> Unit:
    values = {"name": item.name, "short_name": item.short_name, "kind": KINDS[item.type],
              "parent_id": parent.pk if parent else None}
    if unit is None:
        unit = Unit.objects.create(code=item.code, parent=parent, name=item.name, short_name=item.short_name,
                                   kind=values["kind"])
        report.created.append(unit)
        return unit
    if unit.archived:
        report.archived.append(unit)
        return unit
    differ = [name for name in SYNCED if getattr(unit, name) != values[name]]
    if not differ:
        report.unchanged += 1
        return unit
    for name in differ:
        setattr(unit, name, values[name])
    unit.save()
    report.updated.append((unit, [str(Unit._meta.get_field(n.removesuffix("_id")).verbose_name) for n in differ]))
    return unit
