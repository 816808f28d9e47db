"""Plain-text documents (a ``.txt`` template): what an inspector pastes into an email.

Annex B of 100025 is an email, not a letter: a Word file is the wrong thing to hand
an inspector who must send it from their phone on the morning fieldwork begins.  A
regime declares such a document with a ``.txt`` template, written as a message: a
``Subject:`` line, a blank line, then the body.  It renders in the same sandbox as
Word templates (strict, no autoescape: it is text), passes the same checks line by
line (:func:`inspectkit.documents.checks.check_paragraphs`) — no
template code left over, no child's identifier or date of birth, the wording the
regime requires — and is written as the text itself and, for an email, as a
``.eml`` draft (Python's ``email`` library) that opens in a mail client ready to send.
"""

from __future__ import annotations

from collections.abc import Mapping
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from inspectkit.documents.sandbox import BoundedSandbox, template_errors
from inspectkit.errors import InputError

TEXT_SUFFIX = ".txt"
SUBJECT = "Subject:"


def is_text_template(file: str) -> bool:
    return file.lower().endswith(TEXT_SUFFIX)


def render_text(template: Path, context: Mapping[str, Any], output_limit: int) -> str:
    """The template rendered in the bounded sandbox (no HTML escaping: it is text); blank
    lines Jinja's tags leave are folded to one.  Module-level so a render worker can run
    it, under the same limits as a Word template (:mod:`inspectkit.documents.bounded`)."""
    try:
        source = template.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError.single(f"{template}: not a readable UTF-8 text template: {exc}") from None
    with template_errors(template):
        environment = BoundedSandbox(output_limit=output_limit, text=True)
        rendered = environment.from_string(source).render(dict(context))
    paragraphs = [" ".join(p.split("\n")).strip() if _flowing(p) else p.strip("\n")
                  for p in rendered.split("\n\n")]  # fmt: skip
    return "\n\n".join(p for p in paragraphs if p.strip()) + "\n"


def _flowing(paragraph: str) -> bool:
    """A paragraph written across template lines reads as one line (a signature block,
    whose lines are short, keeps its breaks)."""
    lines = [line for line in paragraph.split("\n") if line.strip()]
    return len(lines) > 1 and all(len(line) > 40 for line in lines[:-1])


def split_message(text: str) -> tuple[str, str]:
    """(subject, body) of a rendered message; the subject line is required."""
    first, _, body = text.partition("\n")
    if not first.startswith(SUBJECT):
        raise InputError.single(
            f"a text document must start with a '{SUBJECT} ...' line, then a blank line"
        )
    return first.removeprefix(SUBJECT).strip(), body.lstrip("\n")


def email_bytes(text: str, *, language: str = "en-GB") -> bytes:
    """The rendered message as a ``.eml`` draft: subject, plain UTF-8 body, marked unsent
    (``X-Unsent: 1``) so a mail client opens it ready to address and send."""
    # lazy: keeps email.policy (3 ms) off the start-up of `inspectkit check` (no case list)
    from email.policy import SMTP

    subject, body = split_message(text)
    # Headers unfolded up to RFC 5322's 998 characters: folding a subject around an encoded
    # word ("–") makes some readers show a doubled space.
    message = EmailMessage(policy=SMTP.clone(max_line_length=998))
    message["Subject"] = subject
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8")
    message["Content-Language"] = language  # after set_content, which resets Content-*
    return message.as_bytes()


def rendered_files(
    text: str, target: Path, *, email: bool, language: str = "en-GB"
) -> list[tuple[Path, bytes]]:
    """The ``.txt`` (and, for an email, ``.eml``) files of one rendered text document."""
    files = [(target.with_suffix(TEXT_SUFFIX), text.encode("utf-8"))]
    if email:
        files.append((target.with_suffix(".eml"), email_bytes(text, language=language)))
    return files
