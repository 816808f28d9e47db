"""Writing output files safely: to a temporary file beside the target, then renamed.

A half-written sample or report is worse than none (someone may act on it), so
every writer in inspectkit goes through ``atomic_path``: the target either keeps
its old content or gets the complete new one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from inspectkit.errors import InputError


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path in ``target``'s folder; rename it onto ``target`` on success.

    A target that cannot be written (a folder, a read-only place) is the user's to fix,
    so it is an ``InputError`` naming the target, never a traceback.  The new file gets
    the old one's permissions, or the usual ones for a new file (not ``mkstemp``'s 0600,
    which would quietly hide a shared report from colleagues).
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise InputError.single(f"{target}: folder {folder} does not exist")
    if target.is_dir():
        raise InputError.single(f"{target}: is a folder; give a file name to write")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise InputError.single(f"{target}: cannot write: {exc.strerror or exc}") from None
    os.close(handle)
    temporary = Path(name)
    try:
        try:
            yield temporary
        except OSError as exc:  # e.g. the disk filled up while writing
            raise InputError.single(f"{target}: not written: {exc}") from None
        try:
            temporary.chmod(_mode_for(target))
            temporary.replace(target)
        except OSError as exc:
            raise InputError.single(f"{target}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The permissions ``target`` has now, or those a plain ``open()`` would give it."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(target: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` atomically."""
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)


def write_files_atomic(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write several files that belong together (a workspace's documents, a sample and
    its record): each goes to a temporary file beside its target, and none is renamed
    into place until every one is written, so a failure leaves all the old files."""
    with contextlib.ExitStack() as stack:
        temporaries = [(stack.enter_context(atomic_path(target)), data) for target, data in files]
        for temporary, data in temporaries:
            temporary.write_bytes(data)
