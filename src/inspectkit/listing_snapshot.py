"""A snapshot of the regimes listing, so ``inspectkit regimes`` starts without loading plugins.

Loading every plugin means importing pluggy, attrs, the model and
``importlib.metadata``, scanning every installed distribution for entry points and
unpickling each regime: about twice the start-up of ``pytest --version``, which is
the bar a listing command must meet (issue 2).  The listing only changes when what
produced it changes, so a full load saves the listing with a signature of
everything it depended on, and later runs print the saved listing while that
signature still holds:

- the interpreter, its ``sys.path`` and the inspectkit version;
- the modification time and size of every ``sys.path`` entry: installing, upgrading
  or removing a distribution adds or removes a ``*.dist-info`` folder there, which
  changes the folder's modification time;
- every file and folder (``__pycache__`` aside) of the core package, of each loaded
  plugin's top-level package and of each regime's template folder — so an edited
  regime file, hook or template is seen at once, even in an editable install.

Checking is a few hundred ``stat`` calls, about a millisecond.  A listing with a
broken plugin is never saved, so a fix is always seen; nor is one whose inputs
changed while it was being built.  A plugin whose regime depends on files outside
its own package (the bundled ones never do) should be listed with
``INSPECTKIT_NO_CACHE=1``, which turns this snapshot off with the other caches.
Any failure to read or write the snapshot falls back to a full load: it is an
optimisation, never a source of truth.
"""

from __future__ import annotations

import json
import os
import sys
import time
import zlib
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

from inspectkit.cache_home import cache_home

if TYPE_CHECKING:
    from inspectkit.listing import Listing
    from inspectkit.plugins import PluginHost

FORMAT = 1

Stat = list[int] | None


def current_listing() -> Listing:
    """The installed regimes and broken plugins: from the snapshot when it still holds."""
    path = snapshot_path()
    if path is not None:
        listing = _fresh_listing(path)
        if listing is not None:
            return listing
    started_ns = time.time_ns()
    from inspectkit.listing import build_listing
    from inspectkit.plugins import get_host

    host = get_host()
    listing = build_listing(host)
    if path is not None and not listing["broken"]:
        _save(path, listing, watched_paths(host), started_ns)
    return listing


def snapshot_path() -> str | None:
    """One snapshot per interpreter and import path (each venv lists what it has)."""
    folder = cache_home("listing")
    if folder is None:
        return None
    key = zlib.crc32("|".join([sys.executable, sys.prefix, *sys.path]).encode())
    return os.path.join(folder, f"{key:08x}.json")


def _interpreter() -> list[Any]:
    from inspectkit import __version__

    return [sys.executable, sys.prefix, sys.version, __version__, FORMAT, sys.path]


def _stat(path: str) -> Stat:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return [found.st_mtime_ns, found.st_size]


def _fresh_listing(path: str) -> Listing | None:
    """The saved listing if every input it was built from is unchanged, else None."""
    try:
        with open(path, encoding="utf-8") as handle:
            saved = json.load(handle)
        if saved["interpreter"] != _interpreter():
            return None
        watched: dict[str, Stat] = saved["watched"]
        if any(_stat(name) != signature for name, signature in watched.items()):
            return None
        listing: Listing = saved["listing"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return listing


def watched_paths(host: PluginHost) -> list[str]:
    """Every path the listing depends on (see the module docstring)."""
    import inspectkit

    roots = [os.path.dirname(inspectkit.__file__)]
    for plugin in host.pm.get_plugins():
        roots.extend(_package_roots(plugin))
    roots.extend(str(r.templates) for r in host.regimes.values() if r.templates is not None)
    paths = [entry or os.curdir for entry in sys.path]
    for root in dict.fromkeys(roots):
        paths.extend(_tree(root))
    return list(dict.fromkeys(paths))


def _package_roots(plugin: object) -> list[str]:
    """The folders (or single file) of the top-level package a plugin object came from."""
    name = plugin.__name__ if isinstance(plugin, ModuleType) else getattr(plugin, "__module__", "")
    top = sys.modules.get(str(name or "").partition(".")[0])
    if top is None:
        return []
    folders = [str(folder) for folder in getattr(top, "__path__", ())]
    if folders:
        return folders
    file = getattr(top, "__file__", None)
    return [file] if file else []


def _tree(root: str) -> Iterator[str]:
    """``root`` and, if it is a folder, everything under it but caches and hidden folders."""
    yield root
    for folder, folders, files in os.walk(root):
        folders[:] = [f for f in folders if f != "__pycache__" and not f.startswith(".")]
        yield from (os.path.join(folder, name) for name in folders)
        yield from (os.path.join(folder, name) for name in files)


def _save(path: str, listing: Listing, watched: list[str], started_ns: int) -> None:
    """Save the listing, unless one of its inputs changed while it was being built."""
    signatures = {name: _stat(name) for name in watched}
    if any(s is not None and s[0] >= started_ns for s in signatures.values()):
        return
    snapshot = {"interpreter": _interpreter(), "watched": signatures, "listing": listing}
    try:
        from pathlib import Path

        from inspectkit.files import write_text_atomic

        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_text_atomic(Path(path), json.dumps(snapshot))
    except Exception:  # the snapshot is an optimisation; never fail a listing over it
        return
