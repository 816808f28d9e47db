"""``serve --demo`` builds the examples in a thread while the database is migrated.

The build's own success is ``test_web_store.test_demo_loads_every_example_once``;
here: a build that fails is reported by ``finish()`` in the caller's thread, its
folder removed, and a store that has every example builds nothing at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inspectkit.errors import InputError
from inspectkit.web import demo

pytestmark = pytest.mark.django_db


def test_a_failed_build_is_raised_by_finish_and_its_folder_removed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import inspectkit.demo

    seen: list[Path] = []

    def failing(folder: Path, host: object) -> object:
        seen.append(folder)
        raise InputError.single("no examples today")

    monkeypatch.setattr(inspectkit.demo, "build_demo", failing)
    loading = demo.start_demo()
    with pytest.raises(InputError, match="no examples today"):
        loading.finish()
    assert seen and not seen[0].exists()


def test_a_store_with_every_example_builds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "_stored", lambda names: set(names))
    loading = demo.start_demo()
    assert loading._thread is None
    loaded = loading.finish()
    assert loaded.added == () and set(loaded.kept) == set(loading.names)
