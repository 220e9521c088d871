"""Static files: collected only when the shipped assets changed, and compressed quickly."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed storage, gzip only and hashed copies only.

    Brotli at its highest level took most of a fresh demo's start (tens of seconds for the API docs'
    bundles) to save a few percent over gzip on an intranet; source maps are not compressed at all
    (settings: WHITENOISE_SKIP_COMPRESS_EXTENSIONS).
    """

    def create_compressor(self, **kwargs) -> Compressor:
        return Compressor(use_brotli=False, **kwargs)


def fingerprint() -> str:
    """A digest of every static source file's path, size and modification time."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = Path(storage.path(path)).stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_if_changed() -> bool:
    """Run collectstatic unless the collected files already match the sources; True if it ran."""
    stamp = Path(settings.STATIC_ROOT) / ".luoshi-fingerprint"
    current = fingerprint()
    if stamp.exists() and stamp.read_text() == current:
        return False
    call_command("collectstatic", "--noinput", "--verbosity", "0")
    stamp.write_text(current)
    return True
