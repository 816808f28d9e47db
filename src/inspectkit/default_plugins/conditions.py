"""The core's kinds of limiting-rule condition: a grade threshold, a finding, an answer."""

from __future__ import annotations

from inspectkit.hookspecs import RegisterConditionKind, hookimpl
from inspectkit.model.conditions import BUILTIN_CONDITION_KINDS


@hookimpl
def inspectkit_register_condition_kinds(register: RegisterConditionKind) -> None:
    for kind in BUILTIN_CONDITION_KINDS:
        register(kind)
