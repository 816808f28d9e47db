"""Regime data files → the regime model, with every problem reported by file and path.

A regime is a directory of TOML files whose top-level keys are merged (so a
plugin can keep its timeline, sampling and report in separate small files).
Structuring goes through one cattrs converter that forbids unknown keys, so a
misspelt key is an error naming the file and the path (``timeline.milestones[2].dayz``)
rather than a silently ignored setting.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from inspectkit.errors import InputError
from inspectkit.model import Regime

DATA_SUFFIX = ".toml"


@cache
def converter() -> cattrs.Converter:
    """The one converter used for regime data: strict about unknown keys."""
    return cattrs.Converter(forbid_extra_keys=True)


def _format_exception(exc: BaseException, type_: type | None) -> str:
    """Keep validators' own messages; the default reduces them to 'invalid value'."""
    if isinstance(exc, ForbiddenExtraKeysError):
        keys = ", ".join(sorted(exc.extra_fields))
        return f"unknown key(s) {keys}"
    if isinstance(exc, KeyError):
        return "required key is missing"
    if isinstance(exc, ValueError | TypeError) and type_ is not None and str(exc):
        name = getattr(type_, "__name__", str(type_))
        return f"expected {name}: {exc}" if type_ in (int, str, bool, float) else str(exc)
    if str(exc):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def _origin_of(path: str, origins: Mapping[str, Path]) -> str:
    """The file a cattrs path like ``$.timeline.milestones[0]`` came from."""
    top = path.removeprefix("$").lstrip(".").split(".")[0].split("[")[0]
    origin = origins.get(top)
    return str(origin) if origin else "<regime data>"


def structure_regime(data: Mapping[str, Any], origins: Mapping[str, Path]) -> Regime:
    """Build a Regime from merged TOML data, raising InputError with every problem."""
    try:
        return converter().structure(dict(data), Regime)
    except (ClassValidationError, IterableValidationError) as exc:
        lines = cattrs.transform_error(exc, path="$", format_exception=_format_exception)
        problems = []
        for line in lines:
            message, _, where = line.rpartition(" @ ")
            location = where.removeprefix("$").lstrip(".") or "(top level)"
            problems.append(f"{_origin_of(where, origins)}: {location}: {message}")
        raise InputError(problems) from None
    except (ValueError, TypeError) as exc:
        raise InputError([f"{next(iter(origins.values()), '<regime data>')}: {exc}"]) from None


def read_regime_data(path: Path) -> tuple[dict[str, Any], dict[str, Path]]:
    """Read one TOML file or every TOML file in a directory, merging top-level keys."""
    files = sorted(path.glob(f"*{DATA_SUFFIX}")) if path.is_dir() else [path]
    if not files:
        raise InputError.single(f"{path}: no {DATA_SUFFIX} regime data files found")
    merged: dict[str, Any] = {}
    origins: dict[str, Path] = {}
    problems: list[str] = []
    for file in files:
        try:
            with file.open("rb") as handle:
                table = tomllib.load(handle)
        except OSError as exc:
            problems.append(f"{file}: cannot read: {exc.strerror}")
            continue
        except tomllib.TOMLDecodeError as exc:
            problems.append(f"{file}: not valid TOML: {exc}")
            continue
        for key, value in table.items():
            if key in merged:
                problems.append(f"{file}: {key}: already defined in {origins[key].name}")
                continue
            merged[key] = value
            origins[key] = file
    if problems:
        raise InputError(problems)
    return merged, origins


def load_regime(path: Path) -> Regime:
    """Load a regime from a TOML file or a directory of them."""
    data, origins = read_regime_data(path)
    return structure_regime(data, origins)


def regime_to_data(regime: Regime) -> dict[str, Any]:
    """The regime as plain data (for ``--json`` and for comparing), defaults included."""
    data: dict[str, Any] = converter().unstructure(regime)
    return data
