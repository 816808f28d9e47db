"""Reading a JSON file inspectkit wrote (a saved plan, a sample record), which a user may
have edited, replaced or damaged since: one readable line naming the file when it can't be.

The messages never quote the file's content (a sample record holds case references).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from inspectkit.errors import InputError


def read_json(path: Path, expected: str) -> Any:
    """The file's data, or an InputError naming the file, what is wrong, and ``expected``
    (what the file should be, e.g. "a plan saved by `inspectkit init`")."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError.single(
            f"{path}: not UTF-8 text (byte {exc.start}); expected {expected}"
        ) from None
    except RecursionError:
        raise InputError.single(f"{path}: nested too deeply to be {expected}") from None
    except ValueError as exc:
        raise InputError.single(f"{path}: not valid JSON ({exc}); expected {expected}") from None
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
