"""Production settings whatever the data directory holds; `luoshi serve` trusts only the proxy it is told to."""

import http.client
import json
import os
import socket
import subprocess
import sys
import time

import pytest
from django.test import override_settings
from django.urls import reverse

SECRET = "k" * 20 + "Zq8#xV2!mN5$pL0^rT7&wY3*" * 2
SHOW = ("from django.conf import settings as s; import json; print(json.dumps({'demo': s.DEMO, "
        "'redirect': s.SECURE_SSL_REDIRECT, 'secure_cookie': s.SESSION_COOKIE_SECURE, 'hsts': s.SECURE_HSTS_SECONDS, "
        "'secret': s.SECRET_KEY, 'proxy': s.SECURE_PROXY_SSL_HEADER, 'session': s.SESSION_COOKIE_AGE}))")


def env_for(data_dir, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LUOSHI_", "DJANGO_", "DATABASE_URL"))}
    return {**env, "LUOSHI_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "luoshi.settings", **extra}


def luoshi(env, *args):
    return subprocess.run([sys.executable, "-m", "luoshi.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def settings_of(env) -> dict:
    result = luoshi(env, "manage", "shell", "-c", SHOW)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def demo_marked(tmp_path):
    """A production data directory into which someone copied a demo's demo.json."""
    (tmp_path / "demo.json").write_text(json.dumps({"secret_key": "demo-secret-from-a-file"}), encoding="utf-8")
    return tmp_path


def test_check_deploy_passes_even_when_the_data_dir_holds_a_demo_json(demo_marked):
    env = env_for(demo_marked, LUOSHI_SECRET_KEY=SECRET, LUOSHI_ALLOWED_HOSTS="luoshi.example.gov.cn")
    result = luoshi(env, "manage", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    shown = settings_of(env)
    assert shown["demo"] is False and shown["redirect"] and shown["secure_cookie"] and shown["hsts"] > 0
    assert shown["secret"] == SECRET and shown["proxy"] is None and shown["session"] == 12 * 3600


def test_a_demo_json_is_no_secret_without_the_demo_flag(demo_marked):
    result = luoshi(env_for(demo_marked), "manage", "check")
    assert result.returncode != 0 and "LUOSHI_SECRET_KEY is not set" in result.stderr


def test_the_demo_flag_keeps_its_own_secret_in_the_data_dir(tmp_path):
    first = settings_of(env_for(tmp_path, LUOSHI_DEMO="1"))
    assert first["demo"] is True and first["redirect"] is False and len(first["secret"]) >= 50
    assert (tmp_path / "demo.json").stat().st_mode & 0o777 == 0o600
    assert settings_of(env_for(tmp_path, LUOSHI_DEMO="1"))["secret"] == first["secret"]


def test_session_length_and_trusted_proxy_are_settings(tmp_path):
    shown = settings_of(env_for(tmp_path, LUOSHI_SECRET_KEY=SECRET, LUOSHI_SESSION_HOURS="2",
                                LUOSHI_TRUSTED_PROXY="10.0.0.5"))
    assert shown["session"] == 7200 and shown["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_behind_a_proxy_sending_x_forwarded_proto_the_login_page_answers(client):
    assert client.get(reverse("login"), HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert client.get(reverse("login")).status_code == 301


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def serve(tmp_path):
    """Start `luoshi serve` with production settings trusting PROXY; yields a GET of the login page."""
    started = []

    def start(proxy):
        port = free_port()
        env = env_for(tmp_path, LUOSHI_SECRET_KEY=SECRET, LUOSHI_ALLOWED_HOSTS="127.0.0.1",
                      LUOSHI_TRUSTED_PROXY=proxy)
        log = tmp_path / f"serve-{port}.log"
        with log.open("w") as out:
            process = subprocess.Popen([sys.executable, "-m", "luoshi.cli", "serve", "--port", str(port)], env=env,
                                       stdout=out, stderr=subprocess.STDOUT)
        started.append(process)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, log.read_text()
                time.sleep(0.2)

        def login_page(headers):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/accounts/login/", headers=headers)
            response = connection.getresponse()
            response.read()
            connection.close()
            return response.status
        return login_page

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


def test_luoshi_serve_believes_forwarded_proto_only_from_the_trusted_proxy(serve):
    behind_proxy = serve("127.0.0.1")
    assert behind_proxy({"X-Forwarded-Proto": "https"}) == 200
    assert behind_proxy({}) == 301
    other_proxy = serve("10.9.9.9")  # the header comes from a peer that is not the proxy: dropped
    assert other_proxy({"X-Forwarded-Proto": "https"}) == 301
