"""`luoshi extract`: JSON or a table for one file, NAME.json per file for a directory, exit 2 on a bad file."""

import argparse
import json

import pytest

from luoshi.lib.extract.cli import add_parser

PLAN = "2023年郑州市主要预期目标是:生产总值增长7%,力争新认定高新技术企业1000家。"


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="luoshi")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["extract", *argv])
    return args.func(args)


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_json_to_stdout(plan, capsys):
    assert run(str(plan)) == 0
    targets = json.loads(capsys.readouterr().out)
    assert [(t["indicator"], t["value"], t["unit"]) for t in targets] == [
        ("地区生产总值", 7, "%"), ("新认定高新技术企业", 1000, "家")]


def test_year_and_region_override_the_plan_year_and_city(tmp_path, capsys):
    plan = tmp_path / "district.txt"
    plan.write_text("今年主要预期目标是:生产总值增长7%,新认定高新技术企业100家。", encoding="utf-8")
    run(str(plan), "--year", "2024", "--region", "金水区")
    targets = json.loads(capsys.readouterr().out)
    assert {(t["period"], t["region"]) for t in targets} == {("2024", "金水区")}


def test_table(plan, capsys):
    assert run(str(plan), "--format", "table") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["indicator", "value", "unit"]
    assert lines[2].split()[:3] == ["新认定高新技术企业", "1000", "家"]


def test_output_file(plan, tmp_path):
    out = tmp_path / "out.json"
    assert run(str(plan), "-o", str(out)) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2


def test_a_directory_gives_one_json_per_file(tmp_path):
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "a.txt").write_text(PLAN, encoding="utf-8")
    (docs / "b.txt").write_bytes(PLAN.encode("gbk"))
    assert run(str(docs), "-o", str(out)) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    assert json.loads((out / "b.json").read_text(encoding="utf-8"))[0]["value"] == 7


def test_a_bad_file_is_one_line_on_stderr_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    assert run(str(bad)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and "no text" in err


def test_a_directory_with_a_bad_file_still_writes_the_good_ones(tmp_path, capsys):
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "good.txt").write_text(PLAN, encoding="utf-8")
    (docs / "bad.png").write_bytes(b"\x89PNG")
    assert run(str(docs), "-o", str(out)) == 2
    assert [p.name for p in out.iterdir()] == ["good.json"]
    assert "bad.png" in capsys.readouterr().err


def test_a_directory_needs_an_output_directory(tmp_path, capsys):
    assert run(str(tmp_path)) == 2
    assert "-o" in capsys.readouterr().err
