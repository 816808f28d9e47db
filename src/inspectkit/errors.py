"""Errors a user can act on: one line per problem, naming the file, row or field.

Everything that reads user input (regime data, case lists, inspection files,
templates) raises ``InputError`` with every problem it found, so the CLI can
print them all and exit with status 2 instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Self

EXIT_INPUT_ERROR = 2


class InputError(Exception):
    """Input that inspectkit cannot use, with one readable line per problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: list[str] = list(problems) or ["invalid input"]
        super().__init__("\n".join(self.problems))

    @classmethod
    def single(cls, problem: str) -> Self:
        return cls([problem])
