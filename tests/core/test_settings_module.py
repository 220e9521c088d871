"""Settings come from the environment, and production refuses to start without a secret."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from luoshi.conf import env_bool, env_int, env_list, env_secret


def clean_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LUOSHI_", "DJANGO_", "DATABASE_URL"))}
    return {**env, "LUOSHI_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "luoshi.settings", **extra}


def run_luoshi(env, *args):
    return subprocess.run([sys.executable, "-m", "luoshi.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_missing_secret_outside_the_demo_fails_loudly(tmp_path):
    result = run_luoshi(clean_env(tmp_path), "manage", "check")
    assert result.returncode != 0
    assert "LUOSHI_SECRET_KEY is not set" in result.stderr


def test_check_deploy_passes_with_production_settings(tmp_path):
    env = clean_env(tmp_path, LUOSHI_SECRET_KEY="k" * 20 + "Zq8#xV2!mN5$pL0^rT7&wY3*" * 2,
                    LUOSHI_ALLOWED_HOSTS="luoshi.example.gov.cn")
    result = run_luoshi(env, "manage", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("yes", True), ("0", False), ("off", False), ("", False)])
def test_env_bool(monkeypatch, raw, value):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG") is value


def test_env_helpers_name_the_bad_variable(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    monkeypatch.setenv("X_NUM", "eight")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG='maybe'"):
        env_bool("X_FLAG")
    with pytest.raises(ImproperlyConfigured, match="X_NUM='eight'"):
        env_int("X_NUM", 1)
    monkeypatch.setenv("X_LIST", "a, b,,c")
    assert env_list("X_LIST") == ["a", "b", "c"]


def test_secret_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-file\n")
    monkeypatch.setenv("X_SECRET_FILE", str(secret))
    assert env_secret("X_SECRET", required=True) == "from-file"
