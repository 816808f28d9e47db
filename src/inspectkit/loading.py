"""Regime data files → the regime model, with every problem reported by file and path.

A regime is a directory of TOML files whose top-level keys are merged (so a
plugin can keep its timeline, sampling and report in separate small files).
Structuring goes through one cattrs converter that forbids unknown keys, so a
misspelt key is an error naming the file and the path (``timeline.milestones[2].dayz``)
rather than a silently ignored setting.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args, get_origin

import cattrs
from cattrs.cols import list_structure_factory, mapping_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.model.conditions import BUILTIN_CONDITION_KINDS
from inspectkit.model.rules import Condition
from inspectkit.model.sampling import Selection
from inspectkit.regime_cache import load_cached
from inspectkit.toml_files import read_toml

if TYPE_CHECKING:
    import cattrs

DATA_SUFFIX = ".toml"
T = TypeVar("T")


def strict_converter(*, quote: bool = True) -> cattrs.Converter:
    """A new converter strict about unknown keys and about types, for any hand-written TOML.

    TOML and JSON already give native types, so ``graded = "no"`` is a mistake to
    report, not a truthy string to accept (cattrs' default would call ``bool("no")``),
    and ``values = "abc"`` where a list belongs is a mistake, not ``("a", "b", "c")``.
    Regime data, crosswalks, inspection files and saved records all start from this one.

    ``quote=False`` leaves the offending value out of every message: for records that
    hold case references, which no message may echo.
    """
    strict = cattrs.Converter(forbid_extra_keys=True)
    strict.register_structure_hook(str, _exactly(str, "text", quote))
    strict.register_structure_hook(int, _exactly(int, "a whole number", quote))
    strict.register_structure_hook(bool, _exactly(bool, "true or false", quote))
    strict.register_structure_hook_factory(_is_sequence, _sequence_hook(quote))
    strict.register_structure_hook_factory(_is_mapping, _mapping_hook(quote))
    return strict


def _described(value: Any, quote: bool) -> str:
    return f"{type(value).__name__} {value!r}" if quote else type(value).__name__


def _is_sequence(type_: Any) -> bool:
    return get_origin(type_) in (list, tuple, Sequence)


def _is_mapping(type_: Any) -> bool:
    return get_origin(type_) in (dict, Mapping)


def _sequence_hook(quote: bool) -> Callable[[Any, cattrs.Converter], Callable[[Any, Any], Any]]:
    """Lists and tuples from a list only; error paths keep each item's index."""

    def factory(type_: Any, strict: cattrs.Converter) -> Callable[[Any, Any], Any]:
        args = get_args(type_)
        fixed = get_origin(type_) is tuple and not (len(args) == 2 and args[1] is Ellipsis)
        item = args[0] if args and not fixed else Any
        items = list_structure_factory(list[item] if not fixed else list[Any], strict)  # type: ignore[valid-type]
        hooks = [strict.get_structure_hook(arg) for arg in args] if fixed else []

        def structure(value: Any, given: Any) -> Any:
            if not isinstance(value, list | tuple):
                raise TypeError(f"expected a list [...], got {_described(value, quote)}")
            if fixed:
                if len(value) != len(args):
                    raise TypeError(f"expected a list of {len(args)} items, got {len(value)}")
                return tuple(hook(v, arg) for hook, v, arg in zip(hooks, value, args, strict=True))
            structured: list[Any] = items(value, given)
            return structured if get_origin(type_) is list else tuple(structured)

        return structure

    return factory


def _mapping_hook(quote: bool) -> Callable[[Any, cattrs.Converter], Callable[[Any, Any], Any]]:
    """Dicts from a table only."""

    def factory(type_: Any, strict: cattrs.Converter) -> Callable[[Any, Any], Any]:
        inner = mapping_structure_factory(type_, strict)

        def structure(value: Any, given: Any) -> Any:
            if not isinstance(value, dict):
                raise TypeError(f"expected a table, got {_described(value, quote)}")
            return inner(value, given)

        return structure

    return factory


# The kinds regime data may use, for each extensible base class, by key.  The plugin host
# sets its own (the core's kinds and every plugin's) while plugins register regimes; a
# regime loaded outside the host (a test, the conformance kit on a folder) sees the
# core's kinds only.
Kinds = Mapping[type, Mapping[str, type]]
KIND_NAMES: Mapping[type, str] = {Condition: "condition", Selection: "sampling mechanism"}
_KINDS: ContextVar[Kinds] = ContextVar(
    "kinds",
    default=MappingProxyType(
        {Condition: MappingProxyType({k.key: k for k in BUILTIN_CONDITION_KINDS}), Selection: {}}
    ),
)


@contextmanager
def data_kinds(kinds: Kinds) -> Iterator[None]:
    """Load regime data with these kinds (base class → key → kind class) in scope."""
    token = _KINDS.set(MappingProxyType({base: dict(found) for base, found in kinds.items()}))
    try:
        yield
    finally:
        _KINDS.reset(token)


def active_kinds(base: type) -> Mapping[str, type]:
    """The kinds of ``base`` (Condition, Selection) that regime data may use now."""
    return _KINDS.get().get(base, {})


@cache
def converter() -> cattrs.Converter:
    """The one converter for regime data (built once per process).

    A limiting rule's ``when`` table, and each table of a phase's ``select``, is
    structured as the kind whose key it holds, and unstructured as the kind it is, so
    each kind keeps its own fields.
    """
    strict = strict_converter()
    for base in KIND_NAMES:
        # by predicate, not by class: a class hook would catch the kinds (subclasses) too
        strict.register_structure_hook_func(_is(base), _kind_structure(strict, base))
        strict.register_unstructure_hook_func(
            _is(base), lambda value: strict.unstructure(value, unstructure_as=type(value))
        )
    return strict


def _is(base: type) -> Callable[[Any], bool]:
    return lambda type_: type_ is base


def _kind_structure(strict: cattrs.Converter, base: type) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _type: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected a table, got {_described(value, True)}")
        kinds = active_kinds(base)
        named = [key for key in kinds if key in value]
        if len(named) != 1:
            keys = ", ".join(kinds) or "(none installed)"
            raise ValueError(f"give exactly one of the {KIND_NAMES[base]} keys {keys}")
        return strict.structure(value, kinds[named[0]])

    return structure


def _exactly(kind: type, described: str, quote: bool) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _type: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {described}, got {_described(value, quote)}")
        return value

    return structure


def format_problem(exc: BaseException, type_: type | None) -> str:
    """One problem in words, keeping validators' own messages (cattrs' default reduces
    them to 'invalid value')."""
    if isinstance(exc, ForbiddenExtraKeysError):
        keys = ", ".join(sorted(exc.extra_fields))
        return f"unknown key(s) {keys}"
    if isinstance(exc, KeyError):
        return "required key is missing"
    if get_origin(type_) is Literal:
        choices = ", ".join(str(c) for c in get_args(type_))
        return f"expected one of {choices}"
    if str(exc):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def _origin_of(path: str, origins: Mapping[str, Path]) -> str:
    """The file a cattrs path like ``$.timeline.milestones[0]`` came from."""
    top = path.removeprefix("$").lstrip(".").split(".")[0].split("[")[0]
    origin = origins.get(top)
    return str(origin) if origin else "<regime data>"


def structure_or_problems(
    target: type[T],
    data: Mapping[str, Any],
    locate: Callable[[str], str],
    *,
    using: cattrs.Converter | None = None,
    format_exception: Callable[[BaseException, type | None], str] | None = None,
    table: str = "",
) -> T:
    """Structure ``data`` as ``target``, or raise InputError with one line per problem.

    Each line is ``FILE: key.path: problem``; ``locate`` maps a cattrs path such as
    ``$.timeline.milestones[0]`` to the file it came from, and ``table`` prefixes the
    key path for data read from one table of a file.  Regimes, crosswalks and
    inspection files all load through here.
    """
    try:
        return (using or converter()).structure(dict(data), target)
    except (ClassValidationError, IterableValidationError) as exc:
        formatter = format_exception or format_problem
        lines = cattrs.transform_error(exc, path="$", format_exception=formatter)
        problems = []
        for line in lines:
            message, _, where = line.rpartition(" @ ")
            inner = where.removeprefix("$").lstrip(".")
            location = ".".join(part for part in (table, inner) if part) or "(top level)"
            problems.append(f"{locate(where)}: {location}: {message}")
        raise InputError(problems) from None
    except (ValueError, TypeError) as exc:
        raise InputError([f"{locate('$')}: {exc}"]) from None


def structure_regime(data: Mapping[str, Any], origins: Mapping[str, Path]) -> Regime:
    """Build a Regime from merged TOML data, raising InputError with every problem."""
    return structure_or_problems(Regime, data, lambda where: _origin_of(where, origins))


def regime_files(path: Path) -> list[Path]:
    """The TOML files making up the regime at ``path`` (a file or a directory)."""
    if not path.exists():
        raise InputError.single(f"{path}: no such regime data file or directory")
    files = sorted(path.glob(f"*{DATA_SUFFIX}")) if path.is_dir() else [path]
    if not files:
        raise InputError.single(f"{path}: no {DATA_SUFFIX} regime data files found")
    return files


def read_regime_data(path: Path) -> tuple[dict[str, Any], dict[str, Path]]:
    """Read one TOML file or every TOML file in a directory, merging top-level keys."""
    files = regime_files(path)
    merged: dict[str, Any] = {}
    origins: dict[str, Path] = {}
    problems: list[str] = []
    for file in files:
        try:
            table = read_toml(file)
        except InputError as exc:
            problems.extend(exc.problems)
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


def load_regime(path: Path, *, use_cache: bool = True) -> Regime:
    """Load a regime from a TOML file or a directory of them (cached; see regime_cache)."""

    def build() -> Regime:
        data, origins = read_regime_data(path)
        return structure_regime(data, origins)

    if not use_cache:
        return build()

    # the kinds in scope decide how the data structures, so their code is part of the key
    kind_files = {
        Path(inspect.getfile(k)) for base in KIND_NAMES for k in active_kinds(base).values()
    }
    return load_cached([*regime_files(path), *sorted(kind_files)], build, Regime)


def regime_to_data(regime: Regime) -> dict[str, Any]:
    """The regime as plain data (for ``--json`` and for comparing), defaults included."""
    data: dict[str, Any] = converter().unstructure(regime)
    return data
