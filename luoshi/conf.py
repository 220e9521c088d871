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
            "only the demo (LUOSHI_DEMO=1) and debug mode run without one."
        )
    return fallback


def data_dir() -> Path:
    """Where Luoshi keeps its SQLite database, uploads and collected static files."""
    return Path(env_str("LUOSHI_DATA_DIR", str(Path.cwd() / "var"))).resolve()


def demo_marker(directory: Path) -> Path:
    """The file that marks a data directory as a demo; it holds the demo's own random secret key."""
    return directory / "demo.json"


def demo_secret(directory: Path) -> str:
    marker = demo_marker(directory)
    return json.loads(marker.read_text(encoding="utf-8"))["secret_key"] if marker.exists() else ""


def mark_demo(directory: Path) -> None:
    """Mark DIRECTORY as a demo data directory with a fresh random secret (kept if already there)."""
    marker = demo_marker(directory)
    if not marker.exists():
        directory.mkdir(parents=True, exist_ok=True)
        marker.write_text(json.dumps({"secret_key": secrets.token_urlsafe(50)}), encoding="utf-8")
        marker.chmod(0o600)
