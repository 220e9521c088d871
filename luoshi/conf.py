"""12-factor helpers: read typed settings from the environment (after Healthchecks' hc/settings.py)."""

import json
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected one of {sorted(TRUE | FALSE)}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected an integer") from None


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a number") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_secret(name: str, *, required: bool, fallback: str = "") -> str:
    """A secret from NAME or from the file named by NAME_FILE; loud when required and missing."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    value = os.environ.get(name, "")
    if value:
        return value
    if required:
        raise ImproperlyConfigured(
            f"{name} is not set. Set it (or {name}_FILE) to a long random string; "
            "only the demo (luoshi demo, or LUOSHI_DEMO=1 for a command on its data directory) "
            "and debug mode run without one."
        )
    return fallback


def data_dir() -> Path:
    """Where Luoshi keeps its SQLite database, uploads and collected static files."""
    return Path(env_str("LUOSHI_DATA_DIR", str(Path.cwd() / "var"))).resolve()


def demo_secret(directory: Path) -> str:
    """The demo's own random secret, kept in its data directory (created on first use).

    Called only when the demo flag is set (LUOSHI_DEMO=1, set by `luoshi demo` for its own process):
    the file never changes any setting by merely being there.
    """
    path = directory / "demo.json"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"secret_key": secrets.token_urlsafe(50)}), encoding="utf-8")
        path.chmod(0o600)
    return json.loads(path.read_text(encoding="utf-8"))["secret_key"]


# The headers a trusted reverse proxy sets for waitress (luoshi serve); any other peer's are dropped.
PROXY_HEADERS = frozenset({"x-forwarded-proto", "x-forwarded-host", "x-forwarded-for"})


def trusted_proxy() -> str:
    """The address of the reverse proxy whose X-Forwarded-* headers are believed (LUOSHI_TRUSTED_PROXY)."""
    return env_str("LUOSHI_TRUSTED_PROXY").strip()
