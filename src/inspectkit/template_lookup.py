"""Where document templates are found: workspace override, then plugin, then core.

Councils and inspectors restyle documents by dropping a file of the same name
into their workspace's ``templates/`` folder; a plugin ships its regime's
templates; the core ships defaults every regime can fall back on.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from inspectkit.errors import InputError


@cache
def core_template_dir() -> Path:
    """The core's ``templates/``: inside the installed package, or the source tree's."""
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    if packaged.is_dir():
        return packaged
    return here.parents[1] / "templates"


def find_template(name: str, layers: Iterable[Path | None]) -> Path:
    """The first ``name`` found in ``layers`` (then the core), or an InputError naming all tried."""
    tried: list[Path] = []
    for layer in [*layers, core_template_dir()]:
        if layer is None:
            continue
        candidate = layer / name
        if candidate.is_file():
            return candidate
        tried.append(layer)
    places = ", ".join(str(p) for p in tried)
    raise InputError.single(f"template {name!r} not found (looked in {places})")
