"""Finding data shipped inside a plugin package, for plugins to load their regime."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from inspectkit.hookspecs import RegisterExample, RegisterRegime, hookimpl
from inspectkit.loading import load_regime
from inspectkit.model import Regime


def package_path(package: str, *parts: str) -> Path:
    """A real filesystem path inside an installed package (plugins install unzipped)."""
    root = Path(str(resources.files(package)))
    return root.joinpath(*parts)


def load_regime_resource(package: str, name: str = "regime") -> Regime:
    """Load the regime data (a TOML file or directory) ``name`` shipped in ``package``."""
    return load_regime(package_path(package, name))


def packaged_regime_hook(
    package: str, data: str = "regime", templates: str = "templates"
) -> Callable[..., None]:
    """The register hook for a plugin that ships one regime as data plus templates.

    Most regime plugins need nothing more than
    ``inspectkit_register_regimes = packaged_regime_hook(__name__)``.
    """

    @hookimpl
    def inspectkit_register_regimes(register: RegisterRegime) -> None:
        folder = package_path(package, templates)
        register(load_regime_resource(package, data), templates=folder if folder.is_dir() else None)

    return inspectkit_register_regimes


def packaged_examples_hook(package: str, folder: str = "examples") -> Callable[..., None]:
    """The examples hook for a plugin that ships example inspections in a package folder.

    ``inspectkit_register_examples = packaged_examples_hook(__name__)`` registers
    every ``*.toml`` file in the package's ``examples/`` folder, in name order.
    """

    @hookimpl
    def inspectkit_register_examples(register: RegisterExample) -> None:
        for path in sorted(package_path(package, folder).glob("*.toml")):
            register(path)

    return inspectkit_register_examples
