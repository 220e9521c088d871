"""In a real browser, at desktop and phone width: a task issued to 金水区 shows in its reporter's menu badge and
inbox, the notice leads to the task, and marking it read clears the badge; no console error, no overflow."""

import pytest

from luoshi.tasks import workflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_inbox_in_a_browser(browser_as, analyst, units, jinshui_reporter, width):
    task = workflow.issue(analyst, title="背街小巷整治", lead_unit=units["金水区"])
    page = browser_as("jinshui")
    page.set_viewport_size({"width": width, "height": 800})
    assert page.inner_text("#inbox-link .badge") == "1"
    page.click("#inbox-link")
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.click(".inbox tr.unread button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#inbox-link .badge").count() == 0
    page.click("text=背街小巷整治")
    page.wait_for_load_state()
    assert page.url.endswith(f"/tasks/{task.pk}/")
