"""Unit hierarchy helpers (单位树): built in memory from one query, and the prepared reads every page asks of it."""

from collections import defaultdict
from dataclasses import dataclass, field

from luoshi.core import prepared
from luoshi.units.models import Unit


@dataclass
class UnitNode:
    unit: object
    children: list["UnitNode"] = field(default_factory=list)


def build_tree(units) -> list[UnitNode]:
    """Roots of the forest formed by UNITS (a unit whose parent is absent becomes a root)."""
    units = list(units)
    ids = {u.pk for u in units}
    by_parent = defaultdict(list)
    for unit in units:
        by_parent[unit.parent_id if unit.parent_id in ids else None].append(unit)

    def node(unit) -> UnitNode:
        return UnitNode(unit, [node(child) for child in by_parent[unit.pk]])

    return [node(root) for root in by_parent[None]]


def descendant_ids(unit, units) -> set[int]:
    """The ids of UNIT and every unit below it."""
    by_parent = defaultdict(list)
    for u in units:
        by_parent[u.parent_id].append(u.pk)
    found, todo = set(), [unit.pk]
    while todo:
        current = todo.pop()
        found.add(current)
        todo.extend(by_parent[current])
    return found


def has_units_below(unit) -> bool:
    """Whether any unit lies below UNIT (then it has a child): a prepared read, as every signed-in page asks it
    (`scoping.Reach.several`: the navigation and the unit pickers)."""
    meta = Unit._meta
    sql = (f"SELECT 1 FROM {prepared.quoted(meta.db_table)} "
           f"WHERE {prepared.quoted(meta.get_field('parent').column)} = %s LIMIT 1")
    return bool(prepared.fetch(sql, [unit.pk]))


def unit_coded(code: str) -> Unit | None:
    """The unit of CODE (`Unit.objects.filter(code=code).first()`), a prepared read: a unit's board names it."""
    units = prepared.columns(Unit, "u")
    rows = prepared.fetch(f"SELECT {units.select} FROM {units.table} WHERE u.code = %s", [code])
    return units.instance(rows[0]) if rows else None
