"""Crosswalks: declared mappings between the judgement areas of different regimes.

Regimes cut the same ground differently (a 2009 safeguarding outcome, a 2012
judgement, a 2010 safeguarding priority), so a policy reader comparing them needs
to know which areas cover the same ground and how far.  That knowledge is a
judgement with a source, not something the core can compute, so it is *data*:
TOML files shipped by plugins (through ``inspectkit_register_crosswalks``) or
given on the command line, each link typed and cited.

A link says how the scope of its ``left`` area relates to its ``right`` area:

* ``equal`` — the same ground;
* ``subset`` — left lies within right;
* ``superset`` — left contains right;
* ``intersects`` — they overlap, neither containing the other.

Many-to-many mappings are several links.  Files are structured through a cattrs
converter that forbids unknown keys and are checked against the installed
regimes' area ids, so a typo is one clear error naming the file and the link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

import cattrs
from attrs import field, frozen

from inspectkit.errors import InputError
from inspectkit.hookspecs import RegisterCrosswalk, hookimpl
from inspectkit.loading import format_problem, strict_converter, structure_or_problems
from inspectkit.model import Regime
from inspectkit.model.common import check_id, check_text
from inspectkit.resources import package_path
from inspectkit.toml_files import read_toml

Relationship = Literal["equal", "subset", "superset", "intersects"]
RELATIONSHIPS: tuple[str, ...] = get_args(Relationship)

_INVERSE: dict[str, Relationship] = {
    "equal": "equal",
    "subset": "superset",
    "superset": "subset",
    "intersects": "intersects",
}

_PHRASES: dict[str, str] = {
    "equal": "covers the same ground as",
    "subset": "lies within",
    "superset": "contains",
    "intersects": "overlaps",
}


@frozen(kw_only=True)
class AreaRef:
    """One judgement area of one regime."""

    regime: str = field(validator=check_id)
    area: str = field(validator=check_id)

    def __str__(self) -> str:
        return f"{self.regime}:{self.area}"


@frozen(kw_only=True)
class Link:
    """``left`` stands in ``relationship`` to ``right``, on the authority of ``source``."""

    left: AreaRef
    right: AreaRef
    relationship: Relationship
    source: str = field(validator=check_text)
    note: str = ""

    def inverse(self) -> Link:
        """The same link read from the right-hand side (subset becomes superset)."""
        return Link(
            left=self.right,
            right=self.left,
            relationship=_INVERSE[self.relationship],
            source=self.source,
            note=self.note,
        )

    def describe(self) -> str:
        """A reading of the link in words, e.g. ``a:x lies within b:y``."""
        return f"{self.left} {_PHRASES[self.relationship]} {self.right}"


@frozen(kw_only=True)
class CrosswalkFile:
    """What a mapping file holds: a title, the basis for its links, and the links."""

    title: str = field(validator=check_text)
    source: str = field(validator=check_text)
    links: tuple[Link, ...] = ()
    note: str = ""


@frozen(kw_only=True)
class Crosswalk:
    """A mapping file's content and where it came from (for error messages and listings)."""

    title: str
    source: str
    links: tuple[Link, ...] = ()
    note: str = ""
    origin: str = ""

    def links_for(self, regime_id: str) -> list[Link]:
        """Every link touching ``regime_id``, turned so that regime is on the left."""
        found: list[Link] = []
        for link in self.links:
            if link.left.regime == regime_id:
                found.append(link)
            if link.right.regime == regime_id:
                found.append(link.inverse())
        return found


@cache
def converter() -> cattrs.Converter:
    """The strict converter every hand-written TOML file goes through (built once)."""
    return strict_converter()


def _format_exception(exc: BaseException, type_: type | None) -> str:
    """As for regime data, but naming the field a crosswalk's choices belong to."""
    if "Literal[" in str(type_) or "not in literal" in str(exc):
        return f"relationship must be one of {', '.join(RELATIONSHIPS)}"
    return format_problem(exc, type_)


def structure_crosswalk(data: Mapping[str, Any], origin: str) -> Crosswalk:
    """Build a Crosswalk from parsed TOML, with one InputError line per problem."""
    content = structure_or_problems(
        CrosswalkFile,
        data,
        lambda _where: origin,
        using=converter(),
        format_exception=_format_exception,
    )
    return Crosswalk(
        title=content.title,
        source=content.source,
        links=content.links,
        note=content.note,
        origin=origin,
    )


def read_crosswalk(path: Path) -> Crosswalk:
    """Read one crosswalk TOML file (not yet checked against installed regimes)."""
    return structure_crosswalk(read_toml(path), str(path))


def validate_crosswalk(
    crosswalk: Crosswalk,
    regimes: Iterable[Regime],
    *,
    require_regimes: bool = True,
) -> Crosswalk:
    """Check every link against the regimes' area ids; return the usable links.

    With ``require_regimes`` a link naming a regime that is not installed is an
    error (a mapping file the user gave should be complete); without it such
    links are dropped, because a plugin's crosswalk may mention regimes the user
    simply has not installed.  Unknown area ids of installed regimes, links from
    a regime to itself and repeated links are always errors.
    """
    by_id = {regime.id: regime for regime in regimes}
    problems: list[str] = []
    kept: list[Link] = []
    seen: set[tuple[str, str]] = set()
    for index, link in enumerate(crosswalk.links):
        where = f"{crosswalk.origin}: links[{index}]"
        missing = [ref.regime for ref in (link.left, link.right) if ref.regime not in by_id]
        if missing:
            if require_regimes:
                known = ", ".join(sorted(by_id)) or "none"
                problems.extend(
                    f"{where}: regime {name!r} is not installed (installed: {known})"
                    for name in missing
                )
            continue
        if link.left.regime == link.right.regime:
            problems.append(f"{where}: links {link.left.regime!r} to itself; map between regimes")
            continue
        bad = False
        for side, ref in (("left", link.left), ("right", link.right)):
            regime = by_id[ref.regime]
            if regime.evaluation.area(ref.area) is None:
                known = ", ".join(area.id for _, area in regime.evaluation.walk())
                problems.append(
                    f"{where}: {side}: {ref.regime} has no judgement area {ref.area!r} "
                    f"(its areas: {known})"
                )
                bad = True
        key = tuple(sorted((str(link.left), str(link.right))))
        if not bad and (key[0], key[1]) in seen:
            problems.append(f"{where}: {link.left} and {link.right} are already linked")
            bad = True
        seen.add((key[0], key[1]))
        if not bad:
            kept.append(link)
    if problems:
        raise InputError(problems)
    return Crosswalk(
        title=crosswalk.title,
        source=crosswalk.source,
        links=tuple(kept),
        note=crosswalk.note,
        origin=crosswalk.origin,
    )


def load_crosswalks(
    regimes: Sequence[Regime],
    *,
    plugin_files: Iterable[Path] = (),
    user_files: Iterable[Path] = (),
) -> list[Crosswalk]:
    """Read and validate plugin and user crosswalk files, reporting every problem at once."""
    crosswalks: list[Crosswalk] = []
    problems: list[str] = []
    for files, required in ((plugin_files, False), (user_files, True)):
        for path in files:
            try:
                crosswalks.append(
                    validate_crosswalk(read_crosswalk(path), regimes, require_regimes=required)
                )
            except InputError as exc:
                problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return crosswalks


def packaged_crosswalks_hook(package: str, folder: str = "crosswalks") -> Callable[..., None]:
    """The crosswalk hook for a plugin that ships mapping files in a package folder.

    ``inspectkit_register_crosswalks = packaged_crosswalks_hook(__name__)``
    registers every ``*.toml`` file in the package's ``crosswalks/`` folder.
    """

    @hookimpl
    def inspectkit_register_crosswalks(register: RegisterCrosswalk) -> None:
        for path in sorted(package_path(package, folder).glob("*.toml")):
            register(path)

    return inspectkit_register_crosswalks


def inverse_relationship(relationship: str) -> Relationship:
    """The relationship read the other way round (subset ↔ superset)."""
    return _INVERSE[relationship]


def describe_relationship(relationship: str) -> str:
    """The words used for a relationship in tables ("lies within")."""
    return _PHRASES[relationship]
