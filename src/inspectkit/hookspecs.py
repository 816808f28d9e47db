"""The plugin contract: every hook a regime plugin may implement.

Conventions (those of pluggy, tox and llm): hook names start with
``inspectkit_``; the core always calls hooks with keyword arguments, so an
implementation may accept fewer arguments than its spec and new arguments can
be added without breaking plugins; collector hooks receive a ``register``
callable that the plugin calls once per item, so the core checks each item as it
arrives and can name the plugin that sent a bad one.

The hook reference in ``docs/hooks.md`` documents each of these; a test fails
when one is missing there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

import pluggy

if TYPE_CHECKING:
    from inspectkit.model import Regime
    from inspectkit.model.inspection import Inspection
    from inspectkit.model.rules import Condition
    from inspectkit.model.sampling import Selection
    from inspectkit.timeline import Plan

PROJECT_NAME = "inspectkit"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


class RegisterRegime(Protocol):
    """The callable passed to ``inspectkit_register_regimes``."""

    def __call__(self, regime: Regime, *, templates: Path | None = None) -> None: ...


class RegisterCrosswalk(Protocol):
    """The callable passed to ``inspectkit_register_crosswalks``: one call per mapping file."""

    def __call__(self, path: Path) -> None: ...


class RegisterExample(Protocol):
    """The callable passed to ``inspectkit_register_examples``: one call per example file."""

    def __call__(self, path: Path) -> None: ...


# What an output writer writes: each command's result, by the name the hook uses.
Product = Literal["plan", "sample", "compare", "readiness", "action_plan"]
PRODUCTS: tuple[Product, ...] = ("plan", "sample", "compare", "readiness", "action_plan")


class RegisterConditionKind(Protocol):
    """The callable passed to ``inspectkit_register_condition_kinds``: one call per kind."""

    def __call__(self, kind: type[Condition]) -> None: ...


class RegisterSamplingMechanism(Protocol):
    """The callable passed to ``inspectkit_register_sampling_mechanisms``: one call per kind."""

    def __call__(self, kind: type[Selection]) -> None: ...


class RegisterWriter(Protocol):
    """The callable passed to ``inspectkit_register_writers``: one call per product and suffix.

    ``write(value, path)`` receives the product's value — a
    :class:`inspectkit.plan_export.PlanExport` for ``plan``, a
    :class:`inspectkit.sampling.SampleRecord` for ``sample``, a
    :class:`inspectkit.compare.Comparison` for ``compare``, a
    :class:`inspectkit.readiness.TableSet` for ``readiness`` and ``action_plan`` — and
    must write ``path`` whole or not at all (:func:`inspectkit.files.atomic_path`).
    """

    def __call__(
        self, product: Product, suffix: str, write: Callable[..., None], *, description: str
    ) -> None: ...


@hookspec
def inspectkit_register_condition_kinds(register: RegisterConditionKind) -> None:
    """Register kinds of limiting-rule condition that regime data may use.

    A kind is a frozen attrs subclass of :class:`inspectkit.model.rules.Condition`
    with a class attribute ``key``: the regime-data key naming it (``when = {
    findings_at_least = 3, finding = "..." }``), unique among installed kinds.  It
    implements ``evaluate(regime, inspection)`` (returning ``Holds``,
    ``DoesNotHold`` or ``Unanswered``) and may implement ``problems(regime)`` and
    ``questions()``.  The core's own kinds (``any_of``, ``finding``, ``assertion``)
    are registered through this hook too.  Kinds are collected from every plugin
    before any regime is registered, so one plugin's regime may use another's kind.

    :param register: call once per kind class.

    .. versionadded:: 0.2
    """


@hookspec
def inspectkit_register_sampling_mechanisms(register: RegisterSamplingMechanism) -> None:
    """Register sampling mechanisms that a phase of regime data may apply.

    A mechanism is a frozen attrs subclass of :class:`inspectkit.model.Selection`
    with a class attribute ``key`` naming it in a phase's ``select`` list (``select = [{
    earliest_referrals = 2, source = "..." }]``), unique among installed mechanisms.
    It implements ``draw(drawing)``, taking cases through the
    :class:`inspectkit.model.PhaseDrawing` it is given (whose random choices are the
    draw's seeded ones), and may implement ``describe()``, ``fields()`` and
    ``problems(regime)``.  Selections run after the phase's quotas and ``cover`` and
    before it is topped up to its minimum; one that raises fails that sample with one
    line naming it.

    :param register: call once per mechanism class.

    .. versionadded:: 0.2
    """


@hookspec
def inspectkit_register_writers(register: RegisterWriter) -> None:
    """Register output writers: a file format for a command's result, chosen by suffix.

    Call ``register(product, suffix, write, description=...)`` once per format;
    ``product`` is one of ``plan``, ``sample``, ``compare``, ``readiness`` and
    ``action_plan``, and ``suffix`` the file extension (``".md"``) that selects it
    wherever that product is written (``plan -o``, ``sample -o``, ``compare -o``,
    ``readiness -o``, ``action-plan -o``).  The core's own formats are registered
    through this hook too; a suffix already taken for a product is refused.

    :param register: call once per product and suffix.

    .. versionadded:: 0.2
    """


@hookspec
def inspectkit_register_regimes(register: RegisterRegime) -> None:
    """Register the regimes this plugin provides.

    Call ``register(regime, templates=DIR)`` once per regime.  ``regime`` is a
    :class:`inspectkit.model.Regime` — normally built with
    :func:`inspectkit.load_regime_resource` from the TOML data shipped in the
    plugin — and carries the evaluation schedule, grading scale, limiting rules,
    sampling rules, timeline, information requests and report definition.
    ``templates`` is the plugin's own template directory, searched after a
    workspace's overrides and before the core's defaults.

    A regime whose data is invalid, incomplete or whose id is already taken is
    refused, and the plugin is reported as broken; other plugins carry on.

    :param register: call once per regime.

    .. versionadded:: 0.1
    """


@hookspec
def inspectkit_template_dirs(regime: Regime) -> Sequence[Path] | None:
    """Extra template directories for ``regime``, searched after the plugin's own.

    Lets a separate plugin supply house-style templates for regimes it does not own.

    :param regime: the regime whose documents are being rendered.
    :return: directories to search, or None.

    .. versionadded:: 0.1
    """


@hookspec
def inspectkit_register_crosswalks(register: RegisterCrosswalk) -> None:
    """Register crosswalk files that map judgement areas between regimes.

    :param register: call with the path of each crosswalk TOML file.

    .. versionadded:: 0.1
    """


@hookspec
def inspectkit_register_examples(register: RegisterExample) -> None:
    """Register example inspections that ``inspectkit demo`` builds end to end.

    Each is a TOML file: an ``[example]`` table naming its ``regime``, a
    ``description`` and optionally a synthetic ``council``, ``start``, ``team``,
    ``seed`` and ``caselist_rows``, followed by the inspection file's own tables
    (``[[findings]]`` or ``[[grades]]``, ``[assertions]``, ``[sections]``...).  The
    file's name (without ``.toml``) names the demo's folder.  A file that cannot
    be used is reported by the demo in one line and skipped; a regime with no
    example is skipped too.

    :param register: call with the path of each example file.

    .. versionadded:: 0.1
    """


@hookspec
def inspectkit_check_plan(regime: Regime, plan: Plan) -> Sequence[str] | None:
    """Warnings about a resolved plan that the regime's data cannot express.

    Data already covers day-one weekday rules (``timeline.start_rule``); use this
    hook for anything else, such as a regime that may not run over a holiday week.

    :param regime: the regime being planned.
    :param plan: the resolved :class:`inspectkit.timeline.Plan`.
    :return: warning lines, or None.

    .. versionadded:: 0.1
    """


@hookspec
def inspectkit_check_inspection(regime: Regime, inspection: Inspection) -> Sequence[str] | None:
    """Problems with a recorded inspection beyond what the schedule and scale check.

    :param regime: the inspection's regime.
    :param inspection: the loaded :class:`inspectkit.model.inspection.Inspection`.
    :return: one line per problem, or None.

    .. versionadded:: 0.1
    """


@hookspec
def inspectkit_document_context(
    regime: Regime, document: str, context: Mapping[str, object]
) -> Mapping[str, object] | None:
    """Extra values for a document's template context.

    The returned mapping is merged over ``context`` before rendering; use it for
    wording a regime computes rather than declares.

    :param regime: the regime whose document is rendered.
    :param document: the document template id (``letter``, ``report``...).
    :param context: the context built so far (read only).
    :return: values to add, or None.

    .. versionadded:: 0.1
    """


@hookspec
def inspectkit_extended_regimes() -> Sequence[str] | None:
    """Regime ids, registered by other plugins, whose behaviour this plugin extends.

    A regime's behaviour hooks (``inspectkit_check_plan``,
    ``inspectkit_check_inspection``, ``inspectkit_document_context``) are called only
    on the plugin that registered it and on the plugins that name it here — so a
    plugin never has to filter by regime id, and one that forgets cannot break
    another's regime.

    :return: regime ids, or None.

    .. versionadded:: 0.1
    """
