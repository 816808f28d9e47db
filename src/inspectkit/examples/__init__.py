"""Built-in example inspections for ``inspectkit demo`` (synthetic councils, no real people).

Each example is an inspection-file body (findings or grades) in this package,
combined with a header naming a synthetic council, a start date and a team of
job titles.  The councils are invented; findings are illustrative, and where an
example follows a real outcome (cra_2010, seed 004) its file says so.
"""

from __future__ import annotations

from datetime import date
from importlib import resources

from attrs import frozen

DEMO_TEAM = {
    "cra_2010": ("Lead inspector, HMI", "Team inspector, HMI"),
    "slac_2009": (
        "Lead inspector, HMI",
        "Ofsted inspector",
        "Ofsted inspector",
        "Care Quality Commission inspector",
    ),
    "child_protection_2012": ("Lead inspector, HMI", "Team inspector, HMI", "Team inspector, HMI"),
}


@frozen(kw_only=True)
class Example:
    """One example workspace: ``name`` is its folder in the demo output."""

    name: str
    regime: str
    council: str
    start: date
    file: str
    description: str
    caselist_rows: int = 400
    seed: int = 2011

    def body(self) -> str:
        return resources.files(__name__).joinpath(self.file).read_text(encoding="utf-8")

    def team(self) -> tuple[str, ...] | None:
        return DEMO_TEAM.get(self.regime)


EXAMPLES: tuple[Example, ...] = (
    Example(
        name="cra_2010",
        regime="cra_2010",
        council="Northwold Borough Council",
        start=date(2011, 10, 17),
        file="cra_2010.toml",
        description="CRA letter, no priority action (shape of seed 004's real outcome)",
    ),
    Example(
        name="cra_2010_priority_action",
        regime="cra_2010",
        council="Marlbridge & Fenwick <Joint> Council",
        start=date(2011, 10, 17),
        file="cra_2010_priority.toml",
        description="CRA letter with one area for priority action and the limiting statement",
        seed=2012,
    ),
    Example(
        name="slac_2009",
        regime="slac_2009",
        council="Eastcombe County Council",
        start=date(2009, 11, 2),
        file="slac_2009.toml",
        description="Safeguarding and looked after children report, §55 headings and grades",
    ),
    Example(
        name="child_protection_2012",
        regime="child_protection_2012",
        council="Kingsmere City Council",
        start=date(2012, 6, 11),
        file="child_protection_2012.toml",
        description="Child protection report with its four judgements",
    ),
)


def examples_for(regime_id: str) -> list[Example]:
    return [e for e in EXAMPLES if e.regime == regime_id]
