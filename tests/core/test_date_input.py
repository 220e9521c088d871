"""A date field's value is ISO whatever the language: the browser's date input rejects 2026/12/01."""

import datetime as dt

from django.utils import translation

from luoshi.projects.forms import StageForm
from luoshi.tasks.forms import TaskForm


def test_the_stage_form_defaults_to_an_iso_date_in_chinese_and_english(db):
    for language in ("zh-hans", "en"):
        with translation.override(language):
            html = str(StageForm(initial={"date": dt.date(2026, 12, 1)})["date"])
        assert 'type="date"' in html and 'value="2026-12-01"' in html, language


def test_the_task_deadline_is_iso_too(db):
    with translation.override("zh-hans"):
        html = str(TaskForm(initial={"deadline": dt.date(2027, 3, 31)})["deadline"])
    assert 'value="2027-03-31"' in html
