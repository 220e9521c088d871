"""Test settings: production settings with a throwaway data directory and a test secret.

LUOSHI_TEST_DATABASE=postgres runs the suite on PostgreSQL (LUOSHI_TEST_POSTGRES_URL, by default
postgres://postgres@127.0.0.1:5432/luoshi); conftest.py skips that run with its reason when the
server is unreachable, unless LUOSHI_REQUIRE_POSTGRES=1.
"""

import os
import tempfile

os.environ.setdefault("LUOSHI_SECRET_KEY", "tests-only-secret-key-not-for-production")
os.environ.setdefault("LUOSHI_DATA_DIR", tempfile.mkdtemp(prefix="luoshi-test-"))
os.environ.setdefault("LUOSHI_HTTPS", "0")
os.environ.setdefault("LUOSHI_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

import dj_database_url  # noqa: E402

from luoshi.settings import *  # noqa: E402,F403

POSTGRES_URL = os.environ.get("LUOSHI_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/luoshi")
TEST_DATABASE = os.environ.get("LUOSHI_TEST_DATABASE", "sqlite")
if TEST_DATABASE == "postgres":
    DATABASES = {"default": dj_database_url.parse(POSTGRES_URL)}
else:  # Django's own test database for SQLite, in memory; named, since pytest-django knows only Django's engine
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}  # noqa: F405

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
os.makedirs(STATIC_ROOT, exist_ok=True)  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405  (no connection outlives a test; teardown can drop the DB)
