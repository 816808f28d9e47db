"""Keeping people's names out of the inspection file.

Ofsted's rule (100025 §43; each regime cites its own, ``Regime.names``) is that
evidence identifies nobody: job titles and case reference numbers only.  The
inspecting team's own names and telephones are the exception, taken only where
the regime's templates ask for them.  A program cannot recognise every name, so
two checks catch the common slips, and docs/inspection-file.md states them:

* anywhere in the file, an honorific (in any letter case) followed by a word that
  starts with a capital in any alphabet ("Mrs Smith", "Dr. Patel", "MR JONES",
  "mr Ólafsson") is refused;
* fields that hold a person's role (``team``, ``recipient``, ``contacts``) must read as
  a job title: they must contain at least one job word ("inspector",
  "director", "manager", "HMI"...).  "Jane Smith" has none and is refused;
  "Lead inspector, HMI" passes.
"""

from __future__ import annotations

import re

HONORIFIC_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lady|Lord|Cllr|Councillor)"
    r"\.?\s+([^\W\d_][\w'’-]*)",
    re.IGNORECASE,
)
"""An honorific in any letter case, then a word; it is a name when that word starts
with a capital in any alphabet ("Mr Ólafsson", "MR JONES", "mr Jones"), so that
"children miss appointments" is not taken for one."""

JOB_WORDS = frozenset(
    {
        "inspector",
        "inspectors",
        "hmi",
        "director",
        "directors",
        "manager",
        "managers",
        "officer",
        "officers",
        "head",
        "heads",
        "lead",
        "chair",
        "chairs",
        "member",
        "members",
        "executive",
        "executives",
        "worker",
        "workers",
        "practitioner",
        "practitioners",
        "assistant",
        "assistants",
        "administrator",
        "administrators",
        "coordinator",
        "co-ordinator",
        "adviser",
        "advisor",
        "consultant",
        "principal",
        "senior",
        "team",
        "chief",
        "deputy",
        "commissioner",
        "analyst",
        "leader",
        "leaders",
        "nurse",
        "nurses",
        "paediatrician",
        "clinician",
        "specialist",
        "supervisor",
        "staff",
        "secretary",
        "representative",
        "board",
        "council",
        "service",
        "services",
        "partner",
        "partners",
        "agency",
        "police",
    }
)


def honorific_name(text: str) -> str | None:
    """The "Mrs Smith"-like part of ``text``, if any."""
    found = _honorific_match(text)
    return found.group(0) if found else None


def honorific_position(text: str) -> int | None:
    """Where (1-based character) the first "Mrs Smith"-like part of ``text`` starts —
    what a message may say, since the name itself must not be repeated."""
    found = _honorific_match(text)
    return found.start() + 1 if found else None


def _honorific_match(text: str) -> re.Match[str] | None:
    for match in HONORIFIC_NAME.finditer(text):
        if match.group(1)[0].isupper():
            return match
    return None


def looks_like_job_title(text: str) -> bool:
    """True when ``text`` contains a job word and no honorific + name."""
    if honorific_name(text):
        return False
    words = re.findall(r"[a-z][a-z-]*", text.lower())
    return any(word in JOB_WORDS for word in words)


_TELEPHONE = re.compile(r"^\+?[0-9(][0-9 ()-]*$")


def telephone_problem(text: str) -> str | None:
    """Why ``text`` is not a telephone number ("0300 123 1231", "+44 7700 900000"), or None."""
    digits = sum(c.isdigit() for c in text)
    if not _TELEPHONE.match(text.strip()) or not 6 <= digits <= 15:
        return f"expected a telephone number such as '0300 123 1231', got {text!r}"
    return None
