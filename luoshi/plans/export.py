"""Plans with their fronts and targets, provenance included, as plain records (JSON / CSV export, API)."""

import csv
import io
import json

from luoshi.core.spreadsheet import safe_cell
from luoshi.plans.models import Front, Plan, Target
from luoshi.plans.wording import describe, format_number


def number(value):
    """A Decimal as the JSON number it was written as: 7000 → 7000, 2.6 → 2.6."""
    if value is None:
        return None
    text = format_number(value)
    return float(text) if "." in text else int(text)


def target_record(target: Target) -> dict:
    return {
        "id": target.pk,
        "plan_id": target.plan_id,
        "front": target.front.name if target.front_id else "",
        "indicator": target.indicator,
        "value": number(target.value),
        "unit": target.unit_of_measure,
        "kind": target.kind,
        "accumulation": target.accumulation,
        "period": target.period,
        "bound": target.bound,
        "bound_word": target.bound_word,
        "commitment": target.commitment,
        "region": target.region,
        "owner": target.owner.code if target.owner_id else "",
        "owner_name": target.owner.name if target.owner_id else "",
        "baseline": number(target.baseline),
        "baseline_period": target.baseline_period,
        "wording": describe(kind=target.kind, value=target.value, unit=target.unit_of_measure,
                            bound=target.bound, bound_word=target.bound_word, commitment=target.commitment),
        "sentence": target.sentence,
        "span": [target.span_start, target.span_end],
    }


def front_record(front: Front) -> dict:
    return {"id": front.pk, "order": front.order, "name": front.name, "heading": front.heading,
            "span": [front.span_start, front.span_end] if front.span_start is not None else None}


def plan_record(plan: Plan, *, with_text: bool = True) -> dict:
    record = {
        "id": plan.pk, "title": plan.title, "year": plan.year, "region": plan.region,
        "issuer": plan.issuer.code, "issuer_name": plan.issuer.name, "status": plan.status,
        "source": {"title": plan.source_title, "publisher": plan.source_publisher,
                   "date": plan.source_date.isoformat() if plan.source_date else None, "url": plan.source_url},
        "fronts": [front_record(f) for f in plan.fronts.all()],
        "targets": [target_record(t) for t in plan.targets.all() if not t.archived],
    }
    if with_text:
        record["text"] = plan.text
    return record


def plans_for_export(plan_id: int | None = None):
    plans = Plan.objects.filter(archived=False).select_related("issuer").prefetch_related(
        "fronts", "targets__front", "targets__owner", "targets__plan")
    return plans.filter(pk=plan_id) if plan_id else plans


CSV_COLUMNS = ["plan_id", "plan_title", "front", "indicator", "value", "unit", "kind", "accumulation", "period",
               "bound", "bound_word", "commitment", "region", "owner", "owner_name", "baseline",
               "baseline_period", "wording", "span_start", "span_end", "sentence"]


def to_json(plans) -> str:
    return json.dumps([plan_record(p) for p in plans], ensure_ascii=False, indent=1)


def to_csv(plans) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for plan in plans:
        for record in plan_record(plan, with_text=False)["targets"]:
            start, end = record.pop("span")
            writer.writerow({**{k: safe_cell(record[k]) for k in CSV_COLUMNS if k in record},
                             "plan_title": safe_cell(plan.title), "span_start": start, "span_end": end})
    return out.getvalue()
