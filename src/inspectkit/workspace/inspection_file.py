"""``inspection.toml`` → :class:`Inspection`, checked against its regime.

Two passes, each reporting every problem it finds with the file and key path:

1. structure — a cattrs converter with ``forbid_extra_keys`` turns the TOML into
   the file's own schema (a typo such as ``evidnce`` is an error, not ignored);
2. meaning — every area, finding type, grade, assertion and section id is looked
   up in the regime, people must be job titles, and the regime's plugin adds
   its own checks through the ``inspectkit_check_inspection`` hook.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
from attrs import define
from cattrs.gen import make_dict_structure_fn

from inspectkit.errors import InputError
from inspectkit.loading import strict_converter, structure_or_problems
from inspectkit.model import Fact, Regime
from inspectkit.model.inspection import Finding, Inspection, Person
from inspectkit.toml_files import read_toml
from inspectkit.workspace.names import honorific_position, looks_like_job_title, telephone_problem
from inspectkit.workspace.wording import statement_groups

INSPECTION_FILE = "inspection.toml"
T = TypeVar("T")


@define(kw_only=True)
class FindingEntry:
    """``[[findings]]``: one finding of an ungraded regime."""

    area: str
    type: str
    text: str
    evidence: str = ""
    recommendations: list[str] = attrs.Factory(list)


@define(kw_only=True)
class GradeEntry:
    """``[[grades]]``: one area's grade (or text only, for a heading that carries no grade)."""

    area: str
    grade: str = ""
    text: str = ""
    evidence: str = ""
    recommendations: list[str] = attrs.Factory(list)


@define(kw_only=True)
class PersonEntry:
    """A member of the inspecting team: ``"Lead inspector, HMI"`` (a job title alone) or
    ``{ role = "Lead inspector, HMI", name = "...", telephone = "..." }`` where the
    regime's templates ask for names."""

    role: str
    name: str = ""
    telephone: str = ""


@define(kw_only=True)
class InspectionFile:
    """The file exactly as written, before it is checked against the regime."""

    regime: str
    council: str
    start: date
    id: str = ""  # the inspection's id (calendar UIDs); default: regime, council and year
    team: list[PersonEntry] = attrs.Factory(list)
    sites: list[str] = attrs.Factory(list)
    recipient: str = "Director of Children's Services"
    recipient_name: str = ""
    quality_assurance: PersonEntry | None = None
    letter_date: date | None = None
    dates: dict[str, date] = attrs.Factory(dict)
    done: dict[str, date] = attrs.Factory(dict)  # milestone id → the day it was done
    locale: str = "en_GB"
    findings: list[FindingEntry] = attrs.Factory(list)
    grades: list[GradeEntry] = attrs.Factory(list)
    assertions: dict[str, bool] = attrs.Factory(dict)
    contacts: dict[str, str] = attrs.Factory(dict)
    sections: dict[str, str] = attrs.Factory(dict)
    statements: dict[str, str] = attrs.Factory(dict)


def _structure_date(value: Any, _type: Any) -> date:
    """TOML dates (``start = 2011-10-18``) or ISO text (``start = "2011-10-18"``)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"expected a date such as 2011-10-18, got {value!r}")


@cache
def converter() -> cattrs.Converter:
    """Strict: unknown keys and wrong types are errors (``bool("no")`` is not true)."""
    strict = strict_converter()
    strict.register_structure_hook(date, _structure_date)

    person_table = make_dict_structure_fn(PersonEntry, strict, _cattrs_forbid_extra_keys=True)

    def structure_person(value: Any, _type: Any) -> PersonEntry:
        if isinstance(value, str):  # a job title alone, as team lists have always been
            return PersonEntry(role=value)
        if not isinstance(value, dict):
            raise TypeError(
                f"expected a job title or a table {{ role = ..., name = ... }}, got "
                f"{type(value).__name__} {value!r}"
            )
        return person_table(value, PersonEntry)

    strict.register_structure_hook(PersonEntry, structure_person)
    return strict


def read_inspection_file(path: Path) -> InspectionFile:
    """Parse and structure ``path``; InputError lines read ``FILE: key.path: problem``."""
    if not path.exists():
        raise InputError.single(f"{path}: no inspection file; create one with `inspectkit init`")
    data = read_toml(path)  # unreadable, not UTF-8, bad syntax: one line each, as for all TOML
    return structure_strictly(data, InspectionFile, path)


def structure_strictly(data: Any, kind: type[T], path: Path, table: str = "") -> T:
    """``data`` as ``kind`` through the strict converter; InputError lines read
    ``FILE: key.path: problem`` (``table.key.path`` for data read from one table)."""
    return structure_or_problems(
        kind, data, lambda _where: str(path), using=converter(), table=table
    )


def check_against_regime(raw: InspectionFile, regime: Regime, path: Path) -> Inspection:
    """Every meaning problem of ``raw`` for ``regime`` in one InputError, else the Inspection."""
    checker = _Checker(regime, path)
    findings = checker.findings(raw)
    checker.people(raw)
    checker.assertions(raw.assertions)
    checker.sections(raw.sections)
    checker.dates(raw.dates)
    checker.done(raw.done, raw.start)
    checker.statements(raw.statements, {f.level for f in findings if f.level})
    if not raw.council.strip():
        checker.problem("council", "must not be empty")
    if checker.problems:
        raise InputError(checker.problems)
    return Inspection(
        regime=raw.regime,
        council=raw.council.strip(),
        start=raw.start,
        id=raw.id.strip(),
        team=tuple(_person(entry) for entry in raw.team),
        sites=tuple(raw.sites),
        recipient=raw.recipient,
        recipient_name=raw.recipient_name.strip(),
        quality_assurance=_person(raw.quality_assurance) if raw.quality_assurance else None,
        letter_date=raw.letter_date,
        dates=raw.dates,
        done=raw.done,
        locale=raw.locale,
        findings=tuple(findings),
        assertions=raw.assertions,
        contacts=raw.contacts,
        sections=raw.sections,
        statements=raw.statements,
    )


class _Checker:
    def __init__(self, regime: Regime, path: Path) -> None:
        self.regime = regime
        self.path = path
        self.problems: list[str] = []
        self.areas = {a.id: a for _, a in regime.evaluation.walk()}

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{self.path}: {where}: {message}")

    def _area(self, where: str, area_id: str) -> bool:
        if area_id in self.areas:
            return True
        known = ", ".join(self.areas)
        self.problem(
            f"{where}.area",
            f"unknown judgement area {area_id!r} of {self.regime.id} (known: {known})",
        )
        return False

    def _text(self, where: str, value: str) -> None:
        position = honorific_position(value)
        if position:
            # the name itself is not repeated: messages reach terminals, logs and the web
            self.problem(
                where,
                f"an honorific and a name at character {position} look like a person's name; "
                f"use job titles and case references only ({self._rule()})",
            )

    def findings(self, raw: InspectionFile) -> list[Finding]:
        regime, scale = self.regime, self.regime.scale
        levels = ", ".join(lv.id for lv in scale.levels)
        result: list[Finding] = []
        if scale.graded and raw.findings:
            self.problem(
                "findings",
                f"{regime.id} is graded ({scale.source}): record [[grades]] with a grade for "
                "each area, not [[findings]]",
            )
        if not scale.graded:
            for index, grade in enumerate(raw.grades):
                what = f"grade {grade.grade!r}" if grade.grade else "a [[grades]] entry"
                self.problem(
                    f"grades[{index}]",
                    f"{what} given, but {regime.id} is ungraded ({scale.source}): record "
                    f"[[findings]] with a finding type ({levels})",
                )
            for index, entry in enumerate(raw.findings):
                where = f"findings[{index}]"
                known_area = self._area(where, entry.area)
                if scale.level(entry.type) is None:
                    self.problem(
                        f"{where}.type",
                        f"{entry.type!r} is not a finding type of {regime.id} (expected one of "
                        f"{levels})",
                    )
                elif known_area:
                    result.append(self._finding(where, entry.area, entry.type, entry))
                if not entry.text.strip():
                    self.problem(f"{where}.text", "must not be empty")
            return result
        seen: dict[str, int] = {}
        for index, grade in enumerate(raw.grades):
            where = f"grades[{index}]"
            if not self._area(where, grade.area):
                continue
            if grade.area in seen:
                self.problem(
                    f"{where}.area",
                    f"{grade.area!r} is already recorded at grades[{seen[grade.area]}]",
                )
                continue
            seen[grade.area] = index
            area = self.areas[grade.area]
            if grade.grade and not area.graded:
                self.problem(
                    f"{where}.grade",
                    f"{grade.area!r} ({area.title}) carries no grade in {regime.id} "
                    f"(graded = false, {area.source}); give text and recommendations only",
                )
                continue
            if area.graded and not grade.grade:
                self.problem(f"{where}.grade", f"{grade.area!r} needs a grade ({levels})")
                continue
            if grade.grade and scale.level(grade.grade) is None:
                self.problem(
                    f"{where}.grade",
                    f"{grade.grade!r} is not on {regime.id}'s scale (expected one of {levels})",
                )
                continue
            result.append(self._finding(where, grade.area, grade.grade, grade))
        return result

    def _finding(
        self, where: str, area: str, level: str, entry: FindingEntry | GradeEntry
    ) -> Finding:
        self._text(f"{where}.text", entry.text)
        self._text(f"{where}.evidence", entry.evidence)
        for number, line in enumerate(entry.recommendations):
            self._text(f"{where}.recommendations[{number}]", line)
        return Finding(
            area=area,
            level=level,
            text=entry.text.strip(),
            evidence=entry.evidence.strip(),
            recommendations=tuple(r.strip() for r in entry.recommendations if r.strip()),
        )

    def people(self, raw: InspectionFile) -> None:
        """Job titles for everyone; names and telephones only where the regime asks."""
        names = self.regime.names
        inspectors = names.inspectors if names else None
        addressee = names.addressee if names else None
        members = [(f"team[{i}]", entry) for i, entry in enumerate(raw.team)]
        if raw.quality_assurance is not None:
            members.append(("quality_assurance", raw.quality_assurance))
        for where, entry in members:
            self._job_title(f"{where}.role" if entry.name or entry.telephone else where, entry.role)
            if entry.name.strip():
                self._named(f"{where}.name", entry.name, inspectors, "the inspectors' names")
            if entry.telephone.strip():
                self._named(f"{where}.telephone", "", inspectors, "inspectors' telephones")
                problem = telephone_problem(entry.telephone)
                if problem:
                    self.problem(f"{where}.telephone", problem)
        self._job_title("recipient", raw.recipient)
        if raw.recipient_name.strip():
            self._named("recipient_name", raw.recipient_name, addressee, "the addressee's name")
        for key, value in raw.contacts.items():
            if _is_person(key):
                self._job_title(f"contacts.{key}", value)
        for where, value in [
            *((f"sites[{i}]", s) for i, s in enumerate(raw.sites)),
            *((f"contacts.{k}", v) for k, v in raw.contacts.items() if not _is_person(k)),
            *((f"sections.{k}", v) for k, v in raw.sections.items()),
        ]:
            self._text(where, value)

    def _rule(self) -> str:
        """The regime's own no-names rule, cited, for messages."""
        names = self.regime.names
        return f"{names.rule.source}" if names else f"{self.regime.id} declares no names rule"

    def _job_title(self, where: str, value: str) -> None:
        if looks_like_job_title(value):
            return
        allowed = self.regime.names.inspectors if self.regime.names else None
        hint = (
            f"; an inspector's own name goes in name = (as {allowed.source} asks)"
            if allowed and where.startswith(("team", "quality_assurance"))
            else ""
        )
        self.problem(
            where,
            "expected a job title (e.g. 'Lead inspector, HMI'), and this has no job word: "
            f"job titles only, never names ({self._rule()}){hint}",
        )

    def _named(self, where: str, value: str, allowed: Fact | None, what: str) -> None:
        if allowed is None:
            self.problem(
                where,
                f"{self.regime.id}'s documents do not ask for {what}: give the job title only "
                f"({self._rule()})",
            )
        elif value and not looks_like_a_name(value):
            self.problem(where, f"expected a person's name, got {value!r}")

    def assertions(self, answers: dict[str, bool]) -> None:
        asked = {q.id for r in self.regime.limiting_rules for q in r.when.questions()}
        for key in answers:
            if key not in asked:
                known = ", ".join(sorted(asked)) or "none"
                self.problem(
                    f"assertions.{key}",
                    f"no limiting rule of {self.regime.id} asks this (known: {known})",
                )

    def sections(self, texts: dict[str, str]) -> None:
        known = [s.id for s in _walk(self.regime.report.sections)]
        for key in texts:
            if key not in known:
                self.problem(
                    f"sections.{key}",
                    f"{self.regime.id}'s report has no section {key!r} (known: {', '.join(known)})",
                )

    def dates(self, entered: dict[str, date]) -> None:
        """Only a milestone the regime's sources leave undated takes the inspector's date."""
        timeline = self.regime.timeline
        undated = [m.id for m in timeline.milestones if not m.specified]
        for key in entered:
            milestone = timeline.milestone(key)
            if milestone is None:
                known = ", ".join(undated) or "none"
                self.problem(
                    f"dates.{key}",
                    f"{self.regime.id} has no milestone {key!r} (milestones whose date you "
                    f"enter: {known})",
                )
            elif milestone.specified:
                self.problem(
                    f"dates.{key}",
                    f"{self.regime.id} dates {key!r} from the start ({milestone.source}); only "
                    f"a milestone whose date is not specified takes one here "
                    f"({', '.join(undated) or 'none'})",
                )

    def done(self, done: dict[str, date], start: date) -> None:
        """Each milestone done names one of the regime's, on a day no earlier than day 1."""
        timeline = self.regime.timeline
        for key, day in done.items():
            if timeline.milestone(key) is None:
                known = ", ".join(m.id for m in timeline.milestones)
                self.problem(f"done.{key}", f"{self.regime.id} has no milestone {key!r} ({known})")
            elif day < start:
                self.problem(
                    f"done.{key}",
                    f"done on {day.isoformat()}, before day 1 ({start.isoformat()})",
                )

    def statements(self, texts: dict[str, str], recorded: set[str]) -> None:
        """The inspector's sentences: only for a group the regime's data gives none for."""
        groups = statement_groups(self.regime)
        chosen = self.regime.report.chosen_statements(recorded)
        for key, text in texts.items():
            where = f"statements.{key}"
            if key not in groups:
                known = ", ".join(groups) or "none"
                self.problem(
                    where, f"{self.regime.id} has no statement group {key!r} (groups: {known})"
                )
            elif key in chosen:
                self.problem(
                    where,
                    f"{chosen[key].source} already gives the {key} sentence for these findings "
                    f"({chosen[key].id}); remove this line, the source's wording stands",
                )
            elif not text.strip():
                self.problem(where, "must not be empty")
            else:
                self._text(where, text)


def _person(entry: PersonEntry) -> Person:
    return Person(role=entry.role, name=entry.name.strip(), telephone=entry.telephone.strip())


def looks_like_a_name(value: str) -> bool:
    """A name holds a letter and no digit ("A. Inspector" yes, "07700 900000" no)."""
    return any(c.isalpha() for c in value) and not any(c.isdigit() for c in value)


def _is_person(key: str) -> bool:
    """``contacts`` keys ending in ``_telephone``/``_phone``/``_email`` hold numbers, not people."""
    return not key.endswith(("_telephone", "_phone", "_email"))


def _walk(sections: Iterable[Any]) -> Iterable[Any]:
    for section in sections:
        yield section
        yield from _walk(section.children)
