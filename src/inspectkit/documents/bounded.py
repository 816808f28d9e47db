"""Run one render in a worker process that cannot outlive its time or outgrow its memory.

A template is code, and a council's override or a plugin's template can loop for ever
or ask for gigabytes in one filter call; the sandbox (:mod:`.sandbox`) stops what it can
see, and this module stops the rest.  Each render runs in a fresh worker process:

- **memory**: on Linux the worker's address space is capped at its starting size plus
  the memory limit (``RLIMIT_AS``), so the render meets ``MemoryError`` instead of the
  machine running out;
- **time**: the parent waits for the result for at most the time limit, then kills the
  worker; ``RLIMIT_CPU`` is a second guard should the parent itself be stopped;
- **output**: the sandbox counts the characters the template writes.

Workers come from a *forkserver* that has already imported docxtpl, python-docx, Jinja
and babel's data (:mod:`.worker_preload`), so each worker starts in about 15 ms instead
of the half second a fresh interpreter takes, and the parent — a CLI run or the web
server with its threads — is never forked itself.  Where the platform has no forkserver
(Windows) workers are spawned, and only the time and output limits apply.

The limits are in the documents guide (docs/documents.md) and can be set with
``INSPECTKIT_RENDER_SECONDS``, ``INSPECTKIT_RENDER_MEMORY_MIB`` and
``INSPECTKIT_RENDER_OUTPUT_CHARS``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from attrs import frozen

from inspectkit.errors import InputError

T = TypeVar("T")

PRELOAD = ["inspectkit.documents.worker_preload"]


@frozen
class RenderLimits:
    """How long, how large and how much text one render may take."""

    seconds: float = 20.0
    memory_mib: int = 512
    output_chars: int = 20_000_000

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> RenderLimits:
        """The defaults, overridden by ``INSPECTKIT_RENDER_*``; a bad value is an InputError."""
        environ = os.environ if environ is None else environ
        defaults = cls()
        problems: list[str] = []

        def read(name: str, default: float, kind: Callable[[str], float]) -> Any:
            raw = environ.get(name)
            if raw is None or not raw.strip():
                return default
            try:
                value = kind(raw.strip())
            except ValueError:
                value = 0
            if value <= 0:
                problems.append(f"{name}: expected a positive number, got {raw!r}")
                return default
            return value

        limits = cls(
            seconds=read("INSPECTKIT_RENDER_SECONDS", defaults.seconds, float),
            memory_mib=read("INSPECTKIT_RENDER_MEMORY_MIB", defaults.memory_mib, int),
            output_chars=read("INSPECTKIT_RENDER_OUTPUT_CHARS", defaults.output_chars, int),
        )
        if problems:
            raise InputError(problems)
        return limits


class RenderLimitExceeded(InputError):
    """A render stopped at a limit; ``peak_kib`` is the worker's peak resident memory
    where the worker could report it (``None`` when it had to be killed)."""

    def __init__(self, problem: str, peak_kib: int | None) -> None:
        super().__init__([problem])
        self.peak_kib = peak_kib


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def run_bounded(
    function: Callable[..., T],
    *args: Any,
    limits: RenderLimits,
    subject: str,
    **kwargs: Any,
) -> T:
    """``function(*args, **kwargs)`` run in a worker under ``limits``.

    ``function`` must be importable by name (a module-level function); an
    InputError it raises comes back as it was; a limit reached is a
    :class:`RenderLimitExceeded` whose one line names ``subject`` and the limit.
    """
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(
        target=_work,
        args=(sender, limits, function, args, kwargs),
        name="inspectkit-render",
        daemon=True,
    )
    worker.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise RenderLimitExceeded(
                f"{subject}: stopped after {limits.seconds:g} s, the render time limit "
                "(INSPECTKIT_RENDER_SECONDS)",
                None,
            )
        try:
            kind, value, peak_kib = receiver.recv()
        except EOFError:
            raise RenderLimitExceeded(
                f"{subject}: the render worker ended without a result (exit status "
                f"{worker.exitcode}); it may have passed the {limits.memory_mib} MiB render "
                "memory limit (INSPECTKIT_RENDER_MEMORY_MIB)",
                None,
            ) from None
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join()
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    if kind == "memory":
        raise RenderLimitExceeded(
            f"{subject}: stopped at the {limits.memory_mib} MiB render memory limit "
            "(INSPECTKIT_RENDER_MEMORY_MIB)",
            peak_kib,
        )
    if kind == "crash":
        raise InputError.single(f"{subject}: {value}")
    raise InputError(value)


def _work(
    sender: Any,
    limits: RenderLimits,
    function: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> None:
    """The worker: apply the limits, run, send back ("ok" | "problems" | "memory" |
    "crash", …)."""
    _limit_resources(limits)
    try:
        result: tuple[str, Any] = ("ok", function(*args, **kwargs))
    except MemoryError:
        result = ("memory", None)
    except InputError as exc:
        result = ("problems", exc.problems)
    except Exception as exc:  # the worker must always answer; the parent names the subject
        result = ("crash", f"render failed: {type(exc).__name__}: {exc}")
    sender.send((*result, _peak_kib()))
    sender.close()


def _limit_resources(limits: RenderLimits) -> None:
    try:
        import resource  # lazy: POSIX only; Windows has no resource module
    except ImportError:  # Windows: the parent's time limit and the sandbox still apply
        return
    cpu = int(limits.seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    size = _address_space_bytes()
    if size is not None and hasattr(resource, "RLIMIT_AS"):
        cap = size + limits.memory_mib * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _address_space_bytes() -> int | None:
    """This process's virtual size now (Linux), the base the memory limit is added to."""
    try:
        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _peak_kib() -> int | None:
    try:
        import resource  # lazy: POSIX only; Windows has no resource module
    except ImportError:
        return None
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
