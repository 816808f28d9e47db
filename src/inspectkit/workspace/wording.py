"""An inspection's conditional wording: which sentence each statement group uses.

Statements sharing a ``group`` are alternatives (Annex D's outcome sentences);
the regime's data picks the first whose condition holds for the finding types
recorded.  When none holds, the source gives no sentence for these findings,
and inspectkit will not invent one: the inspector writes it in the inspection
file (``[statements]``, keyed by group), and until then ``check`` and
``report`` refuse the letter rather than print it without one.  A group the
regime's data does answer cannot be overridden: the source's wording stands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from attrs import frozen

from inspectkit.model import Regime, Statement


@frozen(kw_only=True)
class Wording:
    """The regime's chosen statements, the inspector's own sentences, and what is missing."""

    chosen: Mapping[str, Statement]  # by group (or id, for a statement in no group)
    written: Mapping[str, str]  # the inspector's sentence for a group the data leaves open
    missing: tuple[str, ...] = ()  # groups with neither
    counts: Mapping[str, int] = MappingProxyType({})  # findings recorded at each level

    def texts(self) -> dict[str, str]:
        """Group (or id) → the sentence a document prints (singular or plural resolved)."""
        chosen = {key: s.wording(self.counts) for key, s in self.chosen.items()}
        return {**chosen, **self.written}

    def required(self, inspection_file: str) -> list[tuple[str, str]]:
        """(why, text) for each sentence the letter or report must carry."""
        required = [(f"{s.source} ({s.id})", s.wording(self.counts)) for s in self.chosen.values()]
        required += [(f"{inspection_file} statements.{g}", t) for g, t in self.written.items()]
        return required


def statement_groups(regime: Regime) -> list[str]:
    """The regime's statement groups, in the order its data lists them."""
    return list(dict.fromkeys(s.group for s in regime.report.statements if s.group))


def choose_wording(regime: Regime, recorded: Iterable[str], written: Mapping[str, str]) -> Wording:
    """The wording for finding types ``recorded`` (each level once per finding, so the
    sentences can say "an area" or "areas"), with the inspector's ``written`` sentences
    used only for groups the regime's data leaves without one."""
    counts = Counter(recorded)
    chosen = regime.report.chosen_statements(set(counts))
    own = {g: t for g, t in written.items() if g not in chosen and t.strip()}
    missing = tuple(g for g in statement_groups(regime) if g not in chosen and g not in own)
    return Wording(chosen=chosen, written=own, missing=missing, counts=MappingProxyType(counts))


def missing_problems(regime: Regime, wording: Wording, recorded: Iterable[str]) -> list[str]:
    """A line per group with no sentence: what the source gives none for, and the way out."""
    levels = [lv.label.lower() for lv in regime.scale.levels if lv.id in set(recorded)]
    problems = []
    for group in wording.missing:
        sources = "; ".join(
            dict.fromkeys(s.source for s in regime.report.statements if s.group == group)
        )
        problems.append(
            f"statements.{group}: {sources} gives no {group} sentence for the findings recorded "
            f"({', '.join(levels) or 'none yet'}), so the {regime.report.form} would have none; "
            f'write it yourself as [statements] {group} = "..."'
        )
    return problems
