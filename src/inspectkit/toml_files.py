"""Reading a TOML file a user or plugin author wrote: one readable line when it can't be.

Regime data, crosswalks and inspection files are all TOML edited by hand, so the
same three things go wrong with each — the file is missing or unreadable, it is not
UTF-8 text (a Word document saved over it, say), or its syntax is broken — and each
gets the same one-line message naming the file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from inspectkit.errors import InputError


def read_toml(path: Path) -> dict[str, Any]:
    """The file's tables, or an InputError naming the file and what is wrong with it."""
    try:
        with Path(path).open("rb") as handle:
            return tomllib.load(handle)
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
