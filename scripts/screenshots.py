"""Take the README's screenshots from a running Luoshi (demo accounts) with Debian's headless chromium.

usage: python scripts/screenshots.py [BASE_URL]   (default http://127.0.0.1:8000)
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DOCS = Path(__file__).resolve().parent.parent / "docs"


def main(base: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{base}/accounts/login/")
        page.fill("input[name=username]", "leader")
        page.fill("input[name=password]", "luoshi-demo")
        page.click("button[type=submit]")
        page.goto(f"{base}/plans/")
        page.click("table.grid a")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(DOCS / "plan-page.png"), full_page=False)
        dashboard_shots(page, base)
        browser.close()


def shoot(page, url: str, name: str, wait_for: str) -> None:
    page.goto(url)
    page.wait_for_selector(wait_for)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(DOCS / name), full_page=False)


def dashboard_shots(page, base: str) -> None:
    """The dashboard for 2023, its first (red) target, and the public pledge page (signed out)."""
    shoot(page, f"{base}/dashboard/?period=2023", "dashboard.png", ".bullet svg")
    target = page.locator(".target-card a.indicator").first.get_attribute("href")
    shoot(page, f"{base}{target}", "target-page.png", ".year-chart svg")
    page.context.clear_cookies()
    page.goto(f"{base}/pledge/")
    page.click("ul.pledge-plans a")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(DOCS / "pledge-page.png"), full_page=False)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
