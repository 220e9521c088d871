"""A task's workflow state shows the neutral progress mark; only its timer light judges."""

import re


def _status_mark(page: str) -> str:
    return re.search(r'id="task-status"><span class="status status-(\w+)"><span[^>]*>(.)</span> (\S+)</span>',
                     page).groups()


def test_a_task_in_progress_shows_the_blue_progress_mark_not_a_warning(client_for, task, jinshui_reporter):
    lead = client_for(jinshui_reporter)
    lead.post(f"/tasks/{task.pk}/step/receive/")
    lead.post(f"/tasks/{task.pk}/step/start/")
    assert _status_mark(lead.get(f"/tasks/{task.pk}/").content.decode()) == ("blue", "•", "办理中")
