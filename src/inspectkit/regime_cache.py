"""A cache of structured regime data, so listing regimes does not re-parse their TOML.

Parsing a regime's TOML and generating cattrs' structuring code costs tens of
milliseconds per regime, paid on every command; a pickled Regime loads in about
one.  The cache key covers everything the result depends on: the data files'
names, sizes and modification times, the model's source files, and the Python and
inspectkit versions — so an edited data file or model is simply a cache miss.
The cache lives in the user's cache folder (platformdirs: ``~/.cache/inspectkit`` on
Linux, ``%LOCALAPPDATA%\\inspectkit\\Cache`` on Windows), under ``regimes/``;
``INSPECTKIT_NO_CACHE=1`` turns it off, for a plugin author editing a plugin in ways the
cache cannot see.  Only regimes
that loaded without error are cached; any failure to read or write the cache is
ignored, because the cache is an optimisation and never a source of truth.
``calendar`` keeps the bank holidays here the same way, keyed by the ``holidays``
library's version file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from platformdirs import user_cache_path

from inspectkit.files import write_bytes_atomic
from inspectkit.version import __version__

T = TypeVar("T")

_MODEL_DIR = Path(__file__).resolve().parent / "model"


def cache_dir() -> Path | None:
    """The folder for cached regimes, or None when ``INSPECTKIT_NO_CACHE`` is set."""
    if os.environ.get("INSPECTKIT_NO_CACHE"):
        return None

    return user_cache_path("inspectkit", appauthor=False) / "regimes"


def _signature(files: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    for file in [*files, *sorted(_MODEL_DIR.glob("*.py"))]:
        stat = file.stat()
        digest.update(f"|{file.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def load_cached(files: list[Path], build: Callable[[], T], kind: type[T]) -> T:
    """``build()``'s result for these files, from the cache when their signature matches."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = _signature(files)
        with (folder / f"{key}.pickle").open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, kind):
            return cached
    except Exception:
        key = key if "key" in locals() else ""
    value = build()
    if key:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(folder / f"{key}.pickle", pickle.dumps(value, protocol=5))
        except Exception:
            pass
    return value
