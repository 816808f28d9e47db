"""``inspectkit init``: a new workspace with a commented starter inspection file.

The starter lists every judgement area and every level of the regime in
comments, so an inspector fills it in without looking anything up, and it
loads as it stands (it records nothing yet).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from attrs import frozen

from inspectkit.errors import InputError
from inspectkit.files import write_files_atomic, write_text_atomic
from inspectkit.identity import inspection_id
from inspectkit.model import Regime
from inspectkit.model.inspection import Inspection
from inspectkit.plugins import PluginHost
from inspectkit.timeline import plan_inspection
from inspectkit.workspace.dates import letter_date
from inspectkit.workspace.inspection_file import INSPECTION_FILE
from inspectkit.workspace.wording import statement_groups
from inspectkit.workspace.workspace import PLAN_FILE, TEMPLATES_DIR
from inspectkit.workspace.writer import plan_json_text

TEMPLATES_README = """\
Put a Word template here to override the regime's own: same file name, same
Jinja tags ({{ council }}, {%p for f in findings.area_of_strength %} ...).
`inspectkit report` looks here first, then in the regime's plugin, then in
inspectkit's own templates. See docs/documents.md.
"""


@frozen(kw_only=True)
class InitResult:
    directory: Path
    written: tuple[Path, ...]
    warnings: tuple[str, ...] = ()


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escaping is valid TOML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str = "# ") -> list[str]:
    return [f"{indent}{line}".rstrip() for line in text.splitlines()]


def starter_header(
    regime: Regime, council: str, start: date, team: Iterable[str] | None = None
) -> str:
    """The who/where/when part of an inspection file."""
    members = list(team) if team is not None else default_team(regime)
    names = regime.names
    lines = [
        f"# Inspection file for {regime.title} ({regime.id} {regime.version}).",
        *_names_comment(regime),
        "# Check it with `inspectkit check DIR`; render documents with `inspectkit report DIR`.",
        "",
        f"regime = {toml_string(regime.id)}",
        f"council = {toml_string(council)}",
        f"start = {start.isoformat()}  # day 1: {regime.timeline.anchor}",
        f"id = {toml_string(inspection_id(regime.id, council, start))}"
        "  # this inspection's calendar events; keep it when re-planning",
    ]
    if names is not None and names.inspectors is not None:
        lines += [
            f"# The inspecting team, lead first; name and telephone as {names.inspectors.source}",
            "# ask (leave them empty and the documents print the role):",
            "team = [",
            *(f'  {{ role = {toml_string(m)}, name = "", telephone = "" }},' for m in members),
            "]",
            "# Annex B's named quality assurance manager, where the documents ask for one:",
            '# quality_assurance = { role = "Quality assurance manager, HMI", name = "", '
            'telephone = "" }',
        ]
    else:
        lines.append("team = [" + ", ".join(toml_string(m) for m in members) + "]")
    lines += [
        'sites = []  # e.g. ["Civic Centre duty and assessment team"]',
        'recipient = "Director of Children\'s Services"',
    ]
    if names is not None and names.addressee is not None:
        lines.append(f'recipient_name = ""  # the addressee\'s name ({names.addressee.source})')
    lines += [_letter_date_comment(regime, start), ""]
    return "\n".join(lines)


def _letter_date_comment(regime: Regime, start: date) -> str:
    """The ``letter_date`` line, commented, with the date this regime's plan gives it."""
    form = regime.report.form
    try:
        plan = plan_inspection(regime, start)
    except InputError:  # init reports a bad start itself; the comment need not
        return f"# letter_date = YYYY-MM-DD  # the date the {form} bears"
    dated = letter_date(regime, Inspection(regime=regime.id, council="", start=start), plan)
    if dated is None:
        return (
            f"# letter_date = YYYY-MM-DD  # not specified by the sources ({regime.report.source}): "
            f"give the date the {form} bears"
        )
    return f"# letter_date = {dated.isoformat()}  # default: the last report milestone of the plan"


def _names_comment(regime: Regime) -> list[str]:
    """The regime's own no-names rule, cited, and where its documents ask for names."""
    names = regime.names
    if names is None:
        return ["# Job titles and case reference numbers only: never a person's name."]
    lines = [
        "# Job titles and case reference numbers only: never the name of anyone at the council,",
        f"# a child or a family member ({names.rule.source}).",
    ]
    if names.inspectors is not None:
        lines.append("# The inspecting team's own names and telephones are asked for")
        lines.append(f"# ({names.inspectors.source}).")
    return lines


def default_team(regime: Regime) -> list[str]:
    """A starting team to edit: the lead first, then each other role the team must have.

    Documents take the first member as the lead (who signs the letter, whom the
    report names), so the lead role goes first whatever order the regime lists
    roles in.  Roles with no minimum count (optional, "in particular HMIC") and
    quality assurance roles (who read the draft but are not on site) are left
    out; the inspector edits the list to the real team.
    """
    roles = [
        role
        for role in regime.team.roles
        if "quality_assurance" not in role.id and (role.count.min or 0) >= 1
    ]
    roles.sort(key=lambda role: "lead" not in role.id)
    return [role.title for role in roles] or [role.title for role in regime.team.roles[:1]]


def starter_body(regime: Regime) -> str:
    """Commented examples for every area and level, plus the assertion questions."""
    scale = regime.scale
    lines: list[str] = []
    kind = "Grades" if scale.graded else "Finding types"
    lines.append(f"# {kind} of this regime ({scale.source}), best first:")
    for level in scale.levels:
        lines.append(f"#   {level.id:<28} {level.label}")
    lines.append("#")
    lines.append(
        "# Judgement areas (an area marked 'no grade' takes text and recommendations only):"
    )
    for depth, area in regime.evaluation.walk():
        mark = "" if area.graded or not scale.graded else "  (no grade)"
        lines.append(f"#   {'  ' * depth}{area.id:<{34 - 2 * depth}} {area.title}{mark}")
    lines.append("")
    first_area = next((a.id for _, a in regime.evaluation.walk() if a.graded), "AREA")
    first_level = scale.levels[0].id if scale.levels else "LEVEL"
    if scale.graded:
        lines += [
            "# One [[grades]] table per area judged:",
            "# [[grades]]",
            f'# area = "{first_area}"',
            f'# grade = "{first_level}"',
            '# text = "What inspectors found, in the report\'s words."',
            '# evidence = "Summary of the evidence (case references only)."',
            '# recommendations = ["An area for improvement."]',
        ]
    else:
        lines += [
            "# One [[findings]] table per finding:",
            "# [[findings]]",
            f'# area = "{first_area}"',
            f'# type = "{first_level}"',
            '# text = "The finding, in the letter\'s words."',
            '# evidence = "Summary of the evidence (case references only)."',
            '# recommendations = ["What the council should do."]',
        ]
    questions = [(r, q) for r in regime.limiting_rules for q in r.when.questions()]
    if questions:
        lines += ["", "[assertions]  # answer true or false; limiting rules depend on them"]
        for rule, question in questions:
            lines += _comment(f"{question.text} ({rule.source})")
            lines.append(f"# {question.id} = true")
    sections = [s for s in regime.report.sections if not s.area]
    if sections:
        lines += ["", "[sections]  # free text for report sections that carry no judgement"]
        for section in sections:
            lines.append(f'# {section.id} = "{section.title}: ..."')
    groups = statement_groups(regime)
    if groups:
        lines += [
            "",
            "# Only when `inspectkit check` says the regime's sources give no sentence for your",
            f"# findings ({regime.report.source}), write the {regime.report.form}'s own:",
            "# [statements]",
            *(f'# {group} = "..."' for group in groups),
        ]
    return "\n".join(lines) + "\n"


def init_workspace(
    directory: Path,
    regime: Regime,
    council: str,
    start: date,
    *,
    body: str | None = None,
    team: Iterable[str] | None = None,
    force: bool = False,
    host: PluginHost | None = None,
) -> InitResult:
    """Create ``directory`` with inspection.toml, plan.json and templates/.

    Neither file is replaced without ``force``: an inspection file holds the
    findings, and a saved plan may hold closures the inspector added.  The
    plan is made first (its warnings including those of ``host``'s
    ``inspectkit_check_plan`` hooks), so a start date on a bank holiday fails
    before anything is written.
    """
    directory = Path(directory)
    target = directory / INSPECTION_FILE
    plan_path = directory / PLAN_FILE
    existing = [path for path in (target, plan_path) if path.exists()]
    if existing and not force:
        raise InputError(
            [f"{path}: already exists (use --force to replace it)" for path in existing]
        )
    if not council.strip():
        raise InputError.single("--council: must not be empty")
    plan = plan_inspection(regime, start, host=host)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / TEMPLATES_DIR).mkdir(exist_ok=True)
    text = starter_header(regime, council, start, team) + "\n" + (body or starter_body(regime))
    plan_text = plan_json_text(plan)
    write_files_atomic([(target, text.encode()), (plan_path, plan_text.encode())])
    readme = directory / TEMPLATES_DIR / "README.txt"
    if not readme.exists():
        write_text_atomic(readme, TEMPLATES_README)
    return InitResult(
        directory=directory, written=(target, plan_path, readme), warnings=plan.warnings
    )
