"""A lead's steps and a project's stage changes become stage records in their own tables: every row kept."""

import datetime as dt

import pytest

from tests.migrating import migrate_one_by_one

BEFORE = [("attraction", "0004_paid_in_as_figures"), ("projects", "0003_project_investor")]


@pytest.mark.django_db(transaction=True)
def test_the_steps_keep_every_row_with_their_action():
    executor = migrate_one_by_one(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    unit = old.get_model("units", "Unit").objects.create(code="T1", name="测试区", path="T1/")
    user = old.get_model("accounts", "User").objects.create(username="before", role="reporter")
    firm = old.get_model("enterprises", "Enterprise").objects.create(name="测试企业", register_unit=unit)
    force = old.get_model("attraction", "TaskForce").objects.create(name="测试专班", lead_department=unit)
    lead = old.get_model("attraction", "Lead").objects.create(name="测试线索", company=firm, task_force=force,
                                                              unit=unit, stage="talks")
    project = old.get_model("projects", "Project").objects.create(code="T-1", name="测试项目", owner=unit)
    lead_step = old.get_model("attraction", "LeadStep").objects
    opened = lead_step.create(lead=lead, to_stage="clue", date=dt.date(2023, 3, 1), note="登记", by=user,
                              by_name="张三")
    moved = lead_step.create(lead=lead, from_stage="clue", to_stage="talks", date=dt.date(2023, 4, 1), by_name="李四")
    change = old.get_model("projects", "StageChange").objects.create(
        project=project, from_stage="signed", to_stage="started", date=dt.date(2023, 5, 1), note="开工", by=user,
        by_name="张三")
    migrate_one_by_one()

    from luoshi.attraction.models import LeadStep
    from luoshi.projects.models import StageChange

    read = {s.pk: (s.action, s.from_stage, s.to_stage, s.date, s.note, s.by_id, s.by_name, s.by_unit)
            for s in LeadStep.objects.all()}
    assert read == {opened.pk: ("open", "", "clue", dt.date(2023, 3, 1), "登记", user.pk, "张三", ""),
                    moved.pk: ("stage", "clue", "talks", dt.date(2023, 4, 1), "", None, "李四", "")}
    kept = StageChange.objects.get(pk=change.pk)
    assert (kept.action, kept.to_stage, kept.note, kept.by_id, kept.by_name, kept.at) == (
        "stage", "started", "开工", user.pk, "张三", change.at)
