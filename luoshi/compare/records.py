"""A comparison as plain records: what the API returns, the CLI prints and the page's charts read."""

from luoshi.compare.comparison import NO_DATA, Actual, Comparison, Pledge, Row, YearRow

PLAN_STATUS = {"published": "已发布", "draft": "草稿"}


def actual_record(actual: Actual | None, kind: str) -> dict | None:
    if actual is None:
        return None
    return {"period": actual.period.code, "period_label": actual.period.label_zh_full,
            "value": actual.value, "growth": actual.growth, "measure": actual.measure(kind),
            "source": actual.source, "sources": [s["href"] or s["text"] for s in actual.sources], "note": actual.note}


def pledge_record(pledge: Pledge) -> dict:
    target, verdict = pledge.target, pledge.verdict
    return {
        "target_id": target.pk, "wording": pledge.wording, "value": pledge.value,
        "unit_of_measure": verdict["unit_of_measure"], "kind": target.kind, "bound": target.bound,
        "bound_word": target.bound_word, "commitment": target.commitment, "period": target.period,
        "sentence": target.sentence,
        "plans": [{"id": p.pk, "title": p.title, "status": p.status, "status_label": PLAN_STATUS.get(p.status, p.status),
                   "source_url": p.source_url} for p in pledge.plans],
        "status": verdict["status"], "status_label": verdict["status_label"], "gap": verdict["gap"],
        "met": verdict["met"], "actual": verdict["actual"], "actual_period": verdict["actual_period"],
        "reason": verdict["reason"],
    }


def row_record(row: Row) -> dict:
    headline = row.headline
    return {
        "unit": row.unit.code, "unit_name": row.unit.name, "short_name": row.unit.display_name,
        "in_jurisdiction": row.in_reach,
        "targets": [pledge_record(p) for p in row.pledges],
        "headline_target": headline.value if headline else None,
        "actual": actual_record(row.actual, row.kind), "actual_label": "" if row.actual else NO_DATA,
        "measured": row.measured, "pending": actual_record(row.pending, row.kind),
        "gap": row.gap, "status": row.status, "status_label": row.status_label,
    }


def comparison_record(comparison: Comparison) -> dict:
    """The whole comparison; the parent's row is the reference line, never a sum of the rows."""
    parent = comparison.parent
    return {
        "indicator": comparison.series.name, "kind": comparison.kind,
        "unit_of_measure": comparison.unit_of_measure,
        "period": comparison.period.code, "period_label": comparison.period.label_zh_full,
        "under": {"code": parent.code, "name": parent.name} if parent else None,
        "sort": comparison.sort, "note": comparison.note, "without_targets": comparison.without_targets,
        "reference": row_record(comparison.reference) if comparison.reference else None,
        "rows": [row_record(r) for r in comparison.rows],
        "median_target": comparison.median_target, "median_actual": comparison.median_actual,
        "counts": comparison.counts(),
    }


def year_record(year: YearRow) -> dict:
    return {"period": year.period.code, "change": year.change, **row_record(year.row)}
