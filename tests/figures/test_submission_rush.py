"""The month-end rush: a submission reads only what it validates, in a constant number of queries; SQLite
writers queue (WAL, busy timeout) so two simultaneous submissions to one figure give 201 and 409; a token's
last use is written at most once a minute."""

import datetime as dt
import sqlite3
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from luoshi.accounts.models import LIVE, ApiToken
from luoshi.figures import submission
from luoshi.figures.entries import ANY_BASE, Entry
from luoshi.figures.models import FigureRevision, Series
from luoshi.figures.validation import _units_named
from luoshi.units.models import Unit

URL = "/api/v1/figures"
#: A correction: BEGIN, series, units, the reporter's tasks, figures (with their heads), lock (with the heads'
#: numbers), revisions, figures' heads, COMMIT (the token was read at its first use in the minute).
MAX_QUERIES = 9
#: A figure reported for the first time adds its INSERT (in a savepoint) and the refresh of the verdicts it
#: feeds (luoshi.verdicts, in the same transaction): more, but as many for one figure as for a batch.
NEW_MAX = 30


def items(months, *, based_on=None, more=0):
    """金水区's year-to-date investment for 2023's MONTHS, rising and explained (so every check passes)."""
    return [{"series": "固定资产投资", "unit": "410105", "period": f"2023M{m:02d}", "value": 100 + 10 * m + more,
             "note": "测试:逐月累计", "based_on": (based_on or {}).get(f"2023M{m:02d}")} for m in months]


def post(client, rows):
    return client.post(URL, {"items": rows}, content_type="application/json")


def counted(client, rows, most: int, django_assert_max_num_queries) -> tuple[int, dict]:
    with django_assert_max_num_queries(most), CaptureQueriesContext(connection) as queries:
        response = post(client, rows)
    assert response.status_code == 201, response.content
    heads = {FigureRevision.objects.get(pk=w["revision"]).figure.period: w["revision"]
             for w in response.json()["written"]}
    return len(queries), heads


def more_of_everything():
    """200 more series and 200 more units in the database, none of them submitted."""
    Series.objects.bulk_create(Series(name=f"测试充数指标{i:03d}", unit_of_measure="亿元", frequency="monthly",
                                      accumulation="flow") for i in range(200))
    city = Unit.objects.get(code="410100")
    for i in range(200):
        Unit.objects.create(name=f"测试充数单位{i:03d}", code=f"T{i:03d}", kind=Unit.Kind.DEPARTMENT, parent=city)


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_catalogue_or_the_batch(token_client, jinshui_reporter, assignments,
                                                             django_assert_max_num_queries):
    client = token_client(jinshui_reporter)
    client.get("/api/v1/series")  # the token's first use is written and the token kept for the minute
    _, heads = counted(client, items([3]), NEW_MAX, django_assert_max_num_queries)  # the verdicts' first keeping
    more_of_everything()
    client.get("/api/v1/series")  # saving units forgot the process's live tokens: the token is read again
    new_one, more = counted(client, items([4]), NEW_MAX, django_assert_max_num_queries)
    heads |= more
    new_batch, more = counted(client, items(range(5, 12)), NEW_MAX, django_assert_max_num_queries)
    heads |= more
    update_one, more = counted(client, items([3], based_on=heads, more=1), MAX_QUERIES,
                               django_assert_max_num_queries)
    heads |= more
    update_batch, _ = counted(client, items(range(3, 12), based_on=heads, more=2), MAX_QUERIES,
                              django_assert_max_num_queries)
    assert new_one == new_batch
    assert update_one == update_batch
    assert FigureRevision.objects.filter(figure__unit__code="410105").count() == 1 + 1 + 7 + 1 + 9


@pytest.mark.django_db
def test_a_series_named_by_alias_or_id_and_a_unit_by_name(token_client, jinshui_reporter, assignments):
    series = Series.objects.get(name="固定资产投资")
    series.aliases = ["固投"]
    series.save()
    client = token_client(jinshui_reporter)
    by_alias = post(client, [{**items([3])[0], "series": "固投", "unit": "金水区"}])
    by_id = post(client, [{**items([4])[0], "series": str(series.pk)}])
    assert by_alias.status_code == 201 and by_id.status_code == 201
    unknown = post(client, [{**items([5])[0], "series": "没有的指标"}])
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["field"] == "series"


def entry(value, based_on) -> Entry:
    return Entry(row=1, series="固定资产投资", unit="410105", period="2023M03", value=value, note="测试:核对",
                 based_on=based_on)


@pytest.mark.django_db
def test_a_figure_changed_between_its_check_and_the_write_is_not_overwritten(jinshui_reporter, assignments,
                                                                             monkeypatch):
    """On PostgreSQL the checks read without locks, so another submission may write between a submission's checks
    and its write (here: an import, right after the reporter's entries were checked): the lock refuses an entry
    based on the head it saw, and numbers and bases an entry taking any base after the newer head."""
    first = submission.submit(jinshui_reporter, [entry(130, None)]).written[0]
    checked = submission.validate

    def checked_before(user, entries, theirs):
        stale = checked(user, entries)
        submission.submit(None, [entry(theirs, ANY_BASE)])
        monkeypatch.setattr(submission, "validate", lambda *args, **kwargs: stale)
        return entries

    with pytest.raises(submission.FiguresRejected) as rejected:
        submission.submit(jinshui_reporter, checked_before(jinshui_reporter, [entry(140, first.pk)], 135))
    newer = FigureRevision.objects.get(figure=first.figure, number=2)
    assert [(c.theirs, c.yours_value) for c in rejected.value.validation.conflicts] == [(newer, 140)]
    assert list(FigureRevision.objects.filter(figure=first.figure).values_list("number", "value")) == [
        (1, 130), (2, 135)]

    monkeypatch.setattr(submission, "validate", checked)
    imported = submission.submit(None, checked_before(None, [entry(150, ANY_BASE)], 145)).written[0]
    third = FigureRevision.objects.get(figure=first.figure, number=3)
    assert (imported.number, imported.based_on_id, third.based_on_id) == (4, third.pk, newer.pk)
    first.figure.refresh_from_db()
    assert first.figure.head_revision_id == imported.pk and first.figure.value == 150


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    options = connection.settings_dict["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
    if connection.settings_dict["NAME"] != ":memory:" and "mode=memory" not in str(connection.settings_dict["NAME"]):
        with connection.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def on_a_file(path, work):
    """Run WORK in a thread of its own, connected to the SQLite file at PATH with the production options
    (WAL, IMMEDIATE transactions, busy timeout); its result."""
    result, wrapper = [], type(connections["default"])

    def run():
        connections["default"] = wrapper({**connections.settings["default"], "NAME": str(path)}, "default")
        try:
            result.append(work())
        finally:
            connections["default"].close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_to_one_figure_give_201_and_409(jinshui_reporter, assignments, tmp_path):
    """On SQLite's own terms: a file in WAL mode, as in production (the test database lives in memory, where
    connections share one cache and a locked table fails at once instead of waiting)."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL's writers queue on the row lock")
    keys = [ApiToken.issue(jinshui_reporter, f"t{i}")[1] for i in range(2)]
    base = post(Client(HTTP_AUTHORIZATION=f"Bearer {keys[0]}"), items([3])).json()["written"][0]["revision"]
    database = tmp_path / "rush.sqlite3"
    with sqlite3.connect(database) as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)
    start = threading.Barrier(2)

    def submit(key, value):
        def work():
            start.wait()
            row = {**items([3], based_on={"2023M03": base})[0], "value": value}
            return post(Client(HTTP_AUTHORIZATION=f"Bearer {key}"), [row]).status_code
        return work

    runs = [on_a_file(database, submit(key, 140 + i)) for i, key in enumerate(keys)]
    for thread, _ in runs:
        thread.join(60)
    assert sorted(status for _, result in runs for status in result) == [201, 409]
    thread, stored = on_a_file(database, lambda: FigureRevision.objects.filter(figure__period="2023M03").count())
    thread.join(30)
    assert stored == [2]


@pytest.mark.django_db
def test_a_token_is_written_at_most_once_a_minute(token_client, jinshui_reporter, assignments, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(LIVE, "clock", lambda: clock[0])
    client = token_client(jinshui_reporter)

    def token_writes(requests: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            for _ in range(requests):
                assert client.get("/api/v1/series").status_code == 200
        return sum(q["sql"].startswith('UPDATE "accounts_apitoken"') for q in queries)

    assert token_writes(1) == 1
    token = ApiToken.objects.get(user=jinshui_reporter)
    first = token.last_used
    assert first is not None
    assert token_writes(5) == 0
    ApiToken.objects.filter(pk=token.pk).update(last_used=first - dt.timedelta(seconds=61))
    clock[0] += 61  # the process's live token expires with the minute, and is read again
    assert token_writes(3) == 1
    token.refresh_from_db()
    assert token.last_used > first


@pytest.mark.django_db
def test_a_unit_is_named_by_its_code_before_another_units_name(jinshui_reporter, assignments):
    """Units are read by their indexed code first, their names only for keys that are no code; a key that is
    one unit's code and another's name or short name is the first unit."""
    city = Unit.objects.get(code="410100")
    named = Unit.objects.create(name="410105", short_name="T-短", code="T-name", kind=Unit.Kind.DEPARTMENT, parent=city)
    found = _units_named({"410105", "T-短", "金水区", "无此单位", ""})
    assert found["410105"].code == "410105"
    assert found["T-短"] == named
    assert found["金水区"].code == "410105"
    assert "无此单位" not in found and "" not in found
