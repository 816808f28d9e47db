"""The secret key that signs sessions and CSRF tokens: made once, kept in the data folder.

A key generated on each start would sign everyone out at every restart; a key
in the code would let anyone forge a session.  So the first start writes a
random key to ``DATA_DIR/secret_key``, readable by its owner only (0600), and
every later start reads it.  A team running several servers on one database
gives them the same key through ``INSPECTKIT_SECRET_KEY``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from inspectkit.errors import InputError

ENV_SECRET_KEY = "INSPECTKIT_SECRET_KEY"
SECRET_FILE = "secret_key"
MIN_LENGTH = 50


def secret_key(folder: Path) -> str:
    """The environment's key, else the data folder's, made on first use."""
    given = os.environ.get(ENV_SECRET_KEY, "").strip()
    if given:
        if len(given) < MIN_LENGTH:
            raise InputError.single(f"{ENV_SECRET_KEY}: expected at least {MIN_LENGTH} characters")
        return given
    path = folder / SECRET_FILE
    try:
        # O_EXCL: two processes starting together cannot both write a key
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read(path)
    except OSError as exc:
        raise InputError.single(f"{path}: cannot create the secret key: {exc.strerror}") from None
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(64) + "\n")
    return _read(path)


def _read(path: Path) -> str:
    try:
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError.single(f"{path}: cannot read the secret key: {exc}") from None
    if len(key) < MIN_LENGTH:
        raise InputError.single(
            f"{path}: the secret key is shorter than {MIN_LENGTH} characters; delete the file "
            "and start again (everyone will be signed out)"
        )
    return key
