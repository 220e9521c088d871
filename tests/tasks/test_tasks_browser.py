"""In a real browser: a leader selects a measure in the plan text and assigns it; the lead unit signs,
works, uploads evidence and asks for completion; the leader returns it, then approves; an overdue task
rises to the top of the leader's list; another unit sees none of it."""

import datetime as dt

import pytest

from luoshi.tasks.models import Task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SELECT = """([start, end]) => {
  const box = document.getElementById("measure-text");
  const range = document.createRange();
  range.setStart(box.firstChild, start);
  range.setEnd(box.firstChild, end);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  box.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
}"""


def test_a_measure_becomes_a_task_and_passes_every_status(browser_as, plan, units, leader, jinshui_reporter,
                                                           erqi_reporter, other_task, tmp_path):
    for user in (leader, jinshui_reporter, erqi_reporter):
        user.set_password("pw-" + user.username)
        user.save()
    boss = browser_as("leader")
    boss.goto(browser_as.url + f"/plans/{plan.pk}/")
    start = plan.text.index("全面推进数字孪生城市建设")  # BMP text: code points = UTF-16 units here
    boss.evaluate(SELECT, [start, start + 12])
    link = boss.locator("#measure-bar a")
    assert link.is_visible() and link.get_attribute("data-start") == str(start)
    link.click()
    assert boss.input_value("input[name=title]") == "全面推进数字孪生城市建设"
    boss.select_option("select[name=lead_unit]", label="金水区")
    boss.fill("input[name=deadline]", "2030-12-31")
    boss.click("#task-form button[type=submit]")
    task = Task.objects.get(title="全面推进数字孪生城市建设")
    assert (task.span_start, task.span_end, task.assigned_by_id) == (start, start + 12, leader.pk)

    lead = browser_as("jinshui")
    lead.goto(browser_as.url + f"/tasks/{task.pk}/")
    for label in ("签收", "开始办理"):
        lead.click(f"#task-actions button:has-text('{label}')")
    evidence = tmp_path / "方案.txt"
    evidence.write_text("数字孪生城市建设方案", encoding="utf-8")
    lead.set_input_files("#evidence-form input[type=file]", str(evidence))
    lead.click("#evidence-form button[type=submit]")
    assert lead.locator("#evidence li a").inner_text() == "方案.txt"
    lead.click("#task-actions button:has-text('申请办结')")
    assert "办结申请" in lead.inner_text("#task-status")

    boss.goto(browser_as.url + f"/tasks/{task.pk}/")
    boss.fill("#task-actions form:has(button:has-text('退回')) input[name=note]", "请补充验收意见")
    boss.click("#task-actions button:has-text('退回')")
    assert "退回" in boss.inner_text("#task-status")
    lead.reload()
    lead.click("#task-actions button:has-text('开始办理')")
    lead.click("#task-actions button:has-text('申请办结')")
    boss.reload()
    boss.click("#task-actions button:has-text('同意办结')")
    assert "办结" in boss.inner_text("#task-status")
    assert boss.locator("#task-log li").count() == 9

    Task.objects.filter(pk=other_task.pk).update(deadline=dt.date(2023, 1, 1))
    boss.goto(browser_as.url + "/tasks/")
    first = boss.locator("tr.task-row").first
    assert first.get_attribute("data-task") == str(other_task.pk) and "escalated" in first.get_attribute("class")

    outsider = browser_as("erqi")
    outsider.goto(browser_as.url + "/tasks/")
    assert outsider.locator("tr.task-row").count() == 0
    assert outsider.request.get(browser_as.url + f"/tasks/{task.pk}/").status == 404
