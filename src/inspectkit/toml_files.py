"""Reading a TOML file a user or plugin author wrote: one readable line when it can't be.

Regime data, crosswalks and inspection files are all TOML edited by hand, so the
same things go wrong with each — the file is missing or unreadable, it is not UTF-8
text (a Word document saved over it, say), its syntax is broken, or it nests tables
or arrays absurdly deep (which would exhaust the parser's recursion) — and each gets
the same one-line message naming the file.  Windows Notepad saves UTF-8 with a
byte-order mark, which TOML does not allow; it is accepted and ignored.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from inspectkit.errors import InputError

MAX_DEPTH = 100
"""The deepest nesting of tables and arrays inspectkit reads (real files use four)."""

BOM = "\ufeff"


def read_toml(path: Path) -> dict[str, Any]:
    """The file's tables, or an InputError naming the file and what is wrong with it."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
        data = tomllib.loads(text.removeprefix(BOM))
    except RecursionError:
        raise InputError.single(_too_deep(path)) from None
    except IsADirectoryError:
        raise InputError.single(f"{path}: is a folder, not a TOML file") from None
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError.single(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 TOML"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError.single(f"{path}: not valid TOML: {exc}") from None
    if _depth(data) > MAX_DEPTH:
        raise InputError.single(_too_deep(path))
    return data


def _too_deep(path: Path) -> str:
    return (
        f"{path}: tables or arrays nested more than {MAX_DEPTH} levels deep; inspectkit "
        f"reads at most {MAX_DEPTH}"
    )


def _depth(value: object) -> int:
    """How deeply tables and arrays nest in ``value`` (without recursion)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level + 1)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest
