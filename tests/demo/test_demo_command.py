"""`luoshi demo --no-serve` builds the demo in a fresh data directory; `luoshi export` then lists it."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("demo")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LUOSHI_", "DJANGO_", "DATABASE_URL"))}
    env["LUOSHI_DATA_DIR"] = str(directory)
    env["LUOSHI_DEMO"] = "1"  # other commands on the demo's data directory name the demo flag too

    def luoshi(*args):
        result = subprocess.run([sys.executable, "-m", "luoshi.cli", *args], env=env, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout

    first = luoshi("demo", "--no-serve")
    return directory, luoshi, first


def test_demo_prints_its_accounts_and_creates_sqlite_under_the_data_dir(demo_dir):
    directory, _, output = demo_dir
    assert (directory / "luoshi.sqlite3").exists()
    for account in ("admin", "analyst", "leader", "jinshui", "erqi"):
        assert account in output


def test_exported_plan_has_twelve_targets_on_their_spans(demo_dir):
    _, luoshi, _ = demo_dir
    plans = json.loads(luoshi("export", "--plan", "1", "--format", "json"))  # 1: the Zhengzhou plan, loaded first
    assert len(plans) == 1
    plan = plans[0]
    assert len(plan["fronts"]) == 6 and len(plan["targets"]) == 12
    for target in plan["targets"]:
        start, end = target["span"]
        assert plan["text"][start:end] == target["sentence"]
    fai = next(t for t in plan["targets"] if t["indicator"] == "固定资产投资" and t["kind"] == "level")
    assert fai["value"] == 7000 and fai["unit"] == "亿元" and fai["sentence"] == "确保全年完成固定资产投资7000亿元"


def test_running_again_reuses_the_database_and_reset_rebuilds_it(demo_dir):
    _, luoshi, _ = demo_dir
    assert "已存在" in luoshi("demo", "--no-serve")
    assert "已载入" in luoshi("demo", "--no-serve", "--reset")
    assert len(json.loads(luoshi("export", "--plan", "1"))[0]["targets"]) == 12


def test_csv_export_to_a_file(demo_dir, tmp_path):
    _, luoshi, _ = demo_dir
    out = tmp_path / "plans.csv"
    luoshi("export", "--plan", "1", "--format", "csv", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 12 and {"span_start", "span_end", "sentence"} <= set(rows[0])


def run(demo_dir, *args):
    directory, _, _ = demo_dir
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LUOSHI_", "DJANGO_", "DATABASE_URL"))}
    env["LUOSHI_DATA_DIR"] = str(directory)
    env["LUOSHI_DEMO"] = "1"  # other commands on the demo's data directory name the demo flag too
    return subprocess.run([sys.executable, "-m", "luoshi.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_status_2023_tells_the_real_story(demo_dir):
    result = run(demo_dir, "status", "--plan", "1", "--period", "2023", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {(r["indicator"], r["kind"], r["period"]): r for r in json.loads(result.stdout)}
    assert rows[("地区生产总值", "growth", "2023")]["status"] == "green"
    assert rows[("固定资产投资", "growth", "2023")]["status"] == "red"
    assert rows[("社会消费品零售额", "level", "2023")]["actual"] == 5623
    assert rows[("社会消费品零售额", "growth", "2023")]["status"] == "red"
    assert rows[("招商引资总额", "level", "2023")]["status"] == "green"
    table = run(demo_dir, "status", "--plan", "1", "--period", "2023H1")
    assert table.returncode == 0 and "预警" in table.stdout and "按时间进度推算" in table.stdout


def test_import_figures_refuses_a_bad_file_whole_and_dry_runs_a_good_one(demo_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("指标,单位,期间,数值\n规模以上工业增加值,410100,2024M03,一百\n不存在,410100,2024M03,5\n",
                   encoding="utf-8")
    refused = run(demo_dir, "import-figures", str(bad))
    assert refused.returncode == 1
    assert "第 2 行 D列(数值)「一百」:不是数字" in refused.stderr and "第 3 行" in refused.stderr
    good = tmp_path / "good.csv"
    good.write_text("指标,单位,期间,数值,来源\n规模以上工业增加值,410100,2024M03,512.3,测试\n", encoding="utf-8")
    dry = run(demo_dir, "import-figures", str(good), "--dry-run")
    assert dry.returncode == 0 and "would write 1 of 1" in dry.stdout
    assert run(demo_dir, "status", "--period", "2023M13").returncode == 2
