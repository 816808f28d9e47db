"""Finding, loading and checking regime plugins, one at a time.

Entry points in the ``inspectkit`` group are loaded one by one (as sqlfluff and
conda do, unlike pluggy's all-or-nothing loader): a plugin that fails to import,
raises, implements an unknown hook, or registers an invalid or duplicate regime
is recorded as broken — with its entry point, distribution, version and reason —
and every other regime keeps working.

A regime's behaviour hooks (``inspectkit_check_plan``, ``inspectkit_check_inspection``,
``inspectkit_document_context``) are called only on the plugin that registered the
regime and on plugins that declare they extend it (``inspectkit_extended_regimes``),
never broadcast for every plugin to filter.  Every hook call is guarded: a hook that
raises, or returns something unusable, is a :class:`PluginHookError` — an InputError
of one line naming the plugin, its distribution and version, and the hook — so the
workspace or regime in hand fails with exit status 2 and the rest go on.

Plugins extend the core as well as adding regimes: kinds of limiting-rule condition
and output writers are registered through hooks, and the core's own are registered the
same way, by the built-in plugins named in ``DEFAULT_PLUGINS`` (as llm and datasette
ship theirs), which every host loads first.  Extensions are collected from every
plugin before any regime is, so one plugin's regime may use another's condition kind.

``INSPECTKIT_DISABLE_PLUGINS=a,b`` leaves the named entry points unloaded (listed as
disabled); ``INSPECTKIT_TRACE_HOOKS=1`` writes a line to stderr for every hook call.
"""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pluggy
from attrs import field, frozen

from inspectkit import hookspecs
from inspectkit.conformance import check_regime
from inspectkit.errors import InputError
from inspectkit.hookspecs import PRODUCTS, Product
from inspectkit.loading import data_kinds
from inspectkit.model import Regime
from inspectkit.model.rules import Condition
from inspectkit.model.sampling import Selection
from inspectkit.version import __version__

if TYPE_CHECKING:
    from inspectkit.model.inspection import Inspection
    from inspectkit.timeline import Plan

ENTRY_POINT_GROUP = "inspectkit"
DISABLE_VARIABLE = "INSPECTKIT_DISABLE_PLUGINS"
TRACE_VARIABLE = "INSPECTKIT_TRACE_HOOKS"
# The core's own condition kinds and writers, registered as plugins are (imported by
# name, as entry points are: they sit on top of the core, and import its upper layers
# only inside the writers they register).
DEFAULT_PLUGINS = ("inspectkit.default_plugins.conditions", "inspectkit.default_plugins.writers")
# each kind of extension class: the hook that registers it, the method it must define,
# and what messages call it
KIND_HOOKS: dict[type, tuple[str, str, str]] = {
    Condition: ("inspectkit_register_condition_kinds", "evaluate", "condition kind"),
    Selection: ("inspectkit_register_sampling_mechanisms", "draw", "sampling mechanism"),
}


class PluginHookError(InputError):
    """A plugin's hook raised or returned something unusable (one line, naming both)."""


@frozen(kw_only=True)
class PluginInfo:
    """Where a plugin came from, for listings and for reporting it when broken."""

    name: str
    distribution: str = "(not installed)"
    version: str = ""
    value: str = ""


@frozen(kw_only=True)
class RegisteredRegime:
    """A regime together with the plugin that supplied it and its template directory."""

    regime: Regime
    plugin: PluginInfo
    templates: Path | None = None


@frozen(kw_only=True)
class RegisteredKind:
    """A condition kind or sampling mechanism, and the plugin that registered it."""

    kind: type[Condition] | type[Selection]
    plugin: PluginInfo


@frozen(kw_only=True)
class RegisteredWriter:
    """An output format for one product, and the plugin that registered it."""

    product: Product
    suffix: str
    description: str
    write: Callable[..., None]
    plugin: PluginInfo


@frozen(kw_only=True)
class BrokenPlugin:
    """A plugin that is not used, and why.

    When it was refused for an invalid regime, that regime is kept (never listed or
    used) so the conformance kit can show its author every problem, not just the first.
    """

    plugin: PluginInfo
    reason: str
    rejected_regime: Regime | None = None
    rejected_templates: Path | None = None
    regime_id: str = ""  # the regime it was refused over, if one (invalid, or a clashing id)


@frozen(kw_only=True)
class _Rejected(Exception):
    reason: str
    regime_id: str = ""
    regime: Regime | None = None
    templates: Path | None = None
    conflicts_with: RegisteredRegime | None = None


@frozen
class PluginHost:
    """The pluggy manager plus what the loaded plugins registered."""

    pm: pluggy.PluginManager = field(factory=lambda: _new_manager())
    regimes: dict[str, RegisteredRegime] = field(factory=dict)
    broken: list[BrokenPlugin] = field(factory=list)
    # Ids two plugins registered: neither is used, since inspectkit cannot tell which
    # is genuine, and an inspector must never get one regime's rules under another's name.
    conflicting_ids: set[str] = field(factory=set)
    plugins: dict[str, PluginInfo] = field(factory=dict)  # every registered plugin, by name
    extends: dict[str, frozenset[str]] = field(factory=dict)  # plugin → regime ids it extends
    kinds: dict[str, RegisteredKind] = field(factory=dict)  # condition kinds, by key
    mechanisms: dict[str, RegisteredKind] = field(factory=dict)  # sampling mechanisms, by key
    writers: dict[tuple[Product, str], RegisteredWriter] = field(factory=dict)

    def __attrs_post_init__(self) -> None:
        for name in DEFAULT_PLUGINS:
            info = PluginInfo(name=name, distribution="inspectkit", version=__version__)
            if not self.add_plugin(importlib.import_module(name), info):
                raise RuntimeError(f"built-in plugin {name} is broken: {self.broken[-1].reason}")

    # -- loading -----------------------------------------------------------------

    def load_entry_points(self, group: str = ENTRY_POINT_GROUP) -> None:
        """Load every installed plugin of ``group``; safe to call again (tests do).

        Every plugin's extensions are registered before any plugin's regimes, so a
        regime may use a condition kind that another plugin provides.
        """
        disabled = _disabled()
        loaded: list[tuple[object, PluginInfo]] = []
        for entry_point in sorted(metadata.entry_points(group=group), key=lambda e: e.name):
            info = _info(entry_point)
            if self.pm.has_plugin(info.name) or any(b.plugin == info for b in self.broken):
                continue
            if info.name in disabled:
                self.broken.append(
                    BrokenPlugin(plugin=info, reason=f"disabled by {DISABLE_VARIABLE}")
                )
                continue
            try:
                plugin = entry_point.load()
            except (Exception, SystemExit) as exc:  # a plugin's import can raise anything
                self.broken.append(
                    BrokenPlugin(plugin=info, reason=f"import failed: {exception_line(exc)}")
                )
                continue
            if self._register(plugin, info):
                loaded.append((plugin, info))
        for plugin, info in loaded:
            self._adopt(plugin, info)

    def add_plugin(self, plugin: object, info: PluginInfo) -> bool:
        """Register one plugin object, its extensions and its regimes; False if it is broken."""
        return self._register(plugin, info) and self._adopt(plugin, info)

    def _register(self, plugin: object, info: PluginInfo) -> bool:
        """Register the plugin with pluggy and collect its extensions (kinds, writers)."""
        try:
            self.pm.register(plugin, name=info.name)
        except (ValueError, pluggy.PluginValidationError) as exc:
            self.broken.append(
                BrokenPlugin(plugin=info, reason=f"invalid plugin: {exception_line(exc)}")
            )
            return False
        try:
            _check_hook_names(self.pm, plugin)
            kinds = self._collect_kinds(plugin, info, Condition)
            mechanisms = self._collect_kinds(plugin, info, Selection)
            writers = self._collect_writers(plugin, info)
        except _Rejected as rejected:
            self.pm.unregister(plugin)
            self.broken.append(BrokenPlugin(plugin=info, reason=rejected.reason))
            return False
        self.kinds.update((k.kind.key, k) for k in kinds)
        self.mechanisms.update((k.kind.key, k) for k in mechanisms)
        self.writers.update(((w.product, w.suffix), w) for w in writers)
        return True

    def _adopt(self, plugin: object, info: PluginInfo) -> bool:
        """Collect the plugin's regimes, with every registered kind in scope."""
        scope: dict[type, dict[str, type]] = {
            Condition: {key: k.kind for key, k in self.kinds.items()},
            Selection: {key: k.kind for key, k in self.mechanisms.items()},
        }
        try:
            with data_kinds(scope):
                collected = self._collect_regimes(plugin, info)
            extended = self._extended_by(plugin, info)
        except _Rejected as rejected:
            self.pm.unregister(plugin)
            self._forget_extensions(info.name)
            if rejected.conflicts_with is not None:
                self._withdraw(rejected.conflicts_with, info)
            self.broken.append(
                BrokenPlugin(
                    plugin=info,
                    reason=rejected.reason,
                    rejected_regime=rejected.regime,
                    rejected_templates=rejected.templates,
                    regime_id=rejected.regime_id,
                )
            )
            return False
        self.regimes.update((r.regime.id, r) for r in collected)
        self.plugins[info.name] = info
        self.extends[info.name] = extended
        return True

    def remove_plugin(self, name: str) -> None:
        """Unregister plugin ``name`` and forget what it registered (tests, the web admin)."""
        self.pm.unregister(name=name)
        self.plugins.pop(name, None)
        self.extends.pop(name, None)
        for regime_id in [i for i, r in self.regimes.items() if r.plugin.name == name]:
            del self.regimes[regime_id]
        self._forget_extensions(name)

    def _forget_extensions(self, name: str) -> None:
        for registry in (self.kinds, self.mechanisms):
            for key in [k for k, r in registry.items() if r.plugin.name == name]:
                del registry[key]
        for pair in [p for p, w in self.writers.items() if w.plugin.name == name]:
            del self.writers[pair]

    def _collect_kinds(
        self, plugin: object, info: PluginInfo, base: type[Condition] | type[Selection]
    ) -> list[RegisteredKind]:
        """Call this plugin's hook for kinds of ``base`` alone, checking each kind."""
        hook, method, what = KIND_HOOKS[base]
        registry = self.kinds if base is Condition else self.mechanisms
        collected: list[RegisteredKind] = []

        def register(kind: type) -> None:
            is_attrs = isinstance(kind, type) and attrs.has(kind)  # a bool: keeps the type
            if not (is_attrs and issubclass(kind, base)):
                raise _Rejected(reason=f"registered {kind!r}, not an attrs {base.__name__} class")
            key = getattr(kind, "key", "")
            if not isinstance(key, str) or not key.isidentifier():
                raise _Rejected(reason=f"{what} {kind.__name__} has no valid key")
            if getattr(kind, method) is getattr(base, method):
                raise _Rejected(reason=f"{what} {kind.__name__} defines no {method}()")
            taken = registry.get(key) or next((k for k in collected if k.kind.key == key), None)
            if taken is not None:
                raise _Rejected(
                    reason=f"{what} {key!r} is already registered by {_named(taken.plugin)}"
                )
            collected.append(RegisteredKind(kind=kind, plugin=info))

        self._call_register(plugin, hook, register)
        return collected

    def _collect_writers(self, plugin: object, info: PluginInfo) -> list[RegisteredWriter]:
        """Call this plugin's writer hook alone, checking each writer it registers."""
        collected: dict[tuple[Product, str], RegisteredWriter] = {}

        def register(
            product: Product, suffix: str, write: Callable[..., None], *, description: str
        ) -> None:
            if product not in PRODUCTS:
                raise _Rejected(
                    reason=f"registered a writer for {product!r}; products are "
                    f"{', '.join(PRODUCTS)}"
                )
            if not (isinstance(suffix, str) and suffix.startswith(".") and suffix[1:].isalnum()):
                raise _Rejected(reason=f"registered a {product} writer for suffix {suffix!r}")
            if not callable(write):
                raise _Rejected(
                    reason=f"registered a {product} {suffix} writer that is not callable"
                )
            pair = (product, suffix.lower())
            taken = self.writers.get(pair) or collected.get(pair)
            if taken is not None:
                raise _Rejected(
                    reason=f"a {product} writer for {suffix} is already registered by "
                    f"{_named(taken.plugin)}"
                )
            collected[pair] = RegisteredWriter(
                product=product,
                suffix=pair[1],
                description=str(description),
                write=write,
                plugin=info,
            )

        self._call_register(plugin, "inspectkit_register_writers", register)
        return list(collected.values())

    def _call_register(self, plugin: object, hook: str, register: Callable[..., None]) -> None:
        for impl in getattr(self.pm.hook, hook).get_hookimpls():
            if impl.plugin is not plugin:
                continue
            try:
                impl.function(**dict.fromkeys(impl.argnames, register))
            except _Rejected:
                raise
            except Exception as exc:
                raise _Rejected(reason=f"{hook} raised {exception_line(exc)}") from None

    def _extended_by(self, plugin: object, info: PluginInfo) -> frozenset[str]:
        """The regime ids this plugin declares it extends (its behaviour hooks serve them)."""
        ids: set[str] = set()
        for impl in self.pm.hook.inspectkit_extended_regimes.get_hookimpls():
            if impl.plugin is not plugin:
                continue
            try:
                found: Any = impl.function()
            except Exception as exc:
                raise _Rejected(
                    reason=f"inspectkit_extended_regimes raised {exception_line(exc)}"
                ) from None
            if found is None:
                continue
            if not isinstance(found, list | tuple | set | frozenset) or not all(
                isinstance(i, str) for i in found
            ):
                raise _Rejected(reason="inspectkit_extended_regimes must return regime ids")
            ids.update(found)
        return frozenset(ids)

    def _withdraw(self, earlier: RegisteredRegime, later: PluginInfo) -> None:
        """Stop using a regime whose id a second plugin also registered."""
        regime_id = earlier.regime.id
        self.conflicting_ids.add(regime_id)
        self.regimes.pop(regime_id, None)
        self.broken.append(
            BrokenPlugin(
                plugin=earlier.plugin,
                regime_id=regime_id,
                reason=f"regime id {regime_id!r} is also registered by {_named(later)}; "
                "neither is used until one of them is uninstalled",
            )
        )

    def _collect_regimes(self, plugin: object, info: PluginInfo) -> list[RegisteredRegime]:
        """Call this plugin's register hook alone, checking every regime it registers."""
        collected: list[RegisteredRegime] = []

        def register(regime: Regime, *, templates: Path | None = None) -> None:
            if not isinstance(regime, Regime):
                raise _Rejected(reason=f"registered {type(regime).__name__}, not a Regime")
            if any(r.regime.id == regime.id for r in collected):
                raise _Rejected(reason=f"registers regime id {regime.id!r} twice")
            taken = self.regimes.get(regime.id)
            if taken is not None or regime.id in self.conflicting_ids:
                owner = _named(taken.plugin) if taken else "another plugin"
                raise _Rejected(
                    regime_id=regime.id,
                    reason=f"regime id {regime.id!r} is also registered by {owner}; "
                    "neither is used until one of them is uninstalled",
                    conflicts_with=taken,
                )

            errors = [p for p in check_regime(regime, templates=templates) if p.severity == "error"]
            if errors:
                first = errors[0]
                more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
                raise _Rejected(
                    regime_id=regime.id,
                    reason=f"regime {regime.id!r} is invalid: {first}{more}",
                    regime=regime,
                    templates=templates,
                )
            collected.append(RegisteredRegime(regime=regime, plugin=info, templates=templates))

        for impl in self.pm.hook.inspectkit_register_regimes.get_hookimpls():
            if impl.plugin is not plugin:
                continue
            try:
                impl.function(register=register)
            except _Rejected:
                raise
            except InputError as exc:
                more = len(exc.problems) - 1
                also = f" (and {more} more)" if more else ""
                raise _Rejected(reason=f"invalid regime data: {exc.problems[0]}{also}") from None
            except Exception as exc:
                raise _Rejected(reason=f"register hook raised {exception_line(exc)}") from None
        return collected

    # -- queries -----------------------------------------------------------------

    def regime(self, regime_id: str) -> RegisteredRegime:
        """The registered regime ``regime_id``, or an InputError listing those installed."""
        found = self.regimes.get(regime_id)
        if found is not None:
            return found
        for broken in self.broken:
            if broken.regime_id == regime_id:
                raise InputError.single(
                    f"regime {regime_id!r} is installed but not usable: plugin "
                    f"{_named(broken.plugin)}: {broken.reason}"
                )
        known = ", ".join(sorted(self.regimes)) or "none"
        raise InputError.single(f"unknown regime {regime_id!r}; installed regimes: {known}")

    def sorted_regimes(self) -> list[RegisteredRegime]:
        return sorted(self.regimes.values(), key=lambda r: (r.regime.year, r.regime.id))

    def regime_models(self) -> list[Regime]:
        """The installed regimes themselves, in the order of ``sorted_regimes``."""
        return [registered.regime for registered in self.sorted_regimes()]

    def select(self, regime_ids: Iterable[str] = ()) -> list[RegisteredRegime]:
        """The named regimes in order given, or all of them sorted by year."""
        ids = list(regime_ids)
        return [self.regime(i) for i in ids] if ids else self.sorted_regimes()

    # -- output writers ------------------------------------------------------------

    def suffixes(self, product: Product) -> list[str]:
        """The file extensions ``product`` can be written as, in registration order."""
        return [suffix for (kind, suffix) in self.writers if kind == product]

    def writer(self, product: Product, path: Path) -> RegisteredWriter:
        """The writer for ``path``'s extension, or an InputError naming those there are."""
        found = self.writers.get((product, Path(path).suffix.lower()))
        if found is None:
            known = ", ".join(self.suffixes(product)) or "none"
            what = product.replace("_", " ")
            raise InputError.single(f"{path}: expected a {what} file ending in one of {known}")
        return found

    def write(self, product: Product, value: object, path: Path) -> Path:
        """Write ``value`` to ``path`` with the writer its extension selects, guarded: an
        InputError (a problem with the file) passes through; anything else a plugin's
        writer raises becomes one line naming the plugin and the writer."""
        chosen = self.writer(product, path)
        try:
            chosen.write(value, Path(path))
        except InputError:
            raise
        except Exception as exc:  # a plugin's writer can raise anything
            raise PluginHookError.single(
                f"plugin {_named(chosen.plugin)}: {product} writer for {chosen.suffix} "
                f"(inspectkit_register_writers) raised {exception_line(exc)}"
            ) from None
        return Path(path)

    # -- behaviour hooks, one typed method each -----------------------------------

    def template_dirs(self, regime: Regime) -> list[Path]:
        """Template folders any plugin adds for ``regime`` (house styles restyle others')."""
        dirs: list[Path] = []
        for impl in self.pm.hook.inspectkit_template_dirs.get_hookimpls():
            found = self._call(impl, "inspectkit_template_dirs", regime=regime)
            if found is None:
                continue
            if isinstance(found, str | Path) or not all(isinstance(p, str | Path) for p in found):
                raise self._unusable(impl, "inspectkit_template_dirs", "a list of folders")
            dirs += [Path(p) for p in found]
        return dirs

    def check_plan(self, regime: Regime, plan: Plan) -> list[str]:
        return self._lines("inspectkit_check_plan", regime, regime=regime, plan=plan)

    def check_inspection(self, regime: Regime, inspection: Inspection) -> list[str]:
        return self._lines(
            "inspectkit_check_inspection", regime, regime=regime, inspection=inspection
        )

    def document_context(
        self, regime: Regime, document: str, context: dict[str, Any]
    ) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        hook = "inspectkit_document_context"
        for impl in self._scoped(hook, regime):
            found = self._call(impl, hook, regime=regime, document=document, context=dict(context))
            if found is None:
                continue
            if not isinstance(found, Mapping) or not all(isinstance(k, str) for k in found):
                raise self._unusable(impl, hook, "a mapping of names to values")
            extra.update(found)
        return extra

    def _scoped(self, hook: str, regime: Regime) -> list[Any]:
        """The implementations of ``hook`` that serve ``regime``: its own plugin's, then
        those of plugins that declare they extend it."""
        owner = self.regimes.get(regime.id)
        serving = {owner.plugin.name} if owner else set()
        serving |= {name for name, ids in self.extends.items() if regime.id in ids}
        return [i for i in getattr(self.pm.hook, hook).get_hookimpls() if i.plugin_name in serving]

    def _lines(self, hook: str, served: Regime, **arguments: Any) -> list[str]:
        lines: list[str] = []
        for impl in self._scoped(hook, served):
            found = self._call(impl, hook, **arguments)
            if found is None:
                continue
            if isinstance(found, str) or not all(isinstance(line, str) for line in found):
                raise self._unusable(impl, hook, "a list of lines")
            lines += found
        return lines

    def _call(self, impl: Any, hook: str, **arguments: Any) -> Any:
        """One implementation called alone, keyword arguments only (as pluggy calls hooks:
        an implementation may take fewer); whatever it raises becomes one line."""
        started = time.perf_counter()
        try:
            return impl.function(**{name: arguments[name] for name in impl.argnames})
        except Exception as exc:  # a plugin's hook can raise anything
            raise PluginHookError.single(
                f"plugin {self._plugin_named(impl)}: {hook} raised {exception_line(exc)}"
            ) from None
        finally:
            if os.environ.get(TRACE_VARIABLE, "") not in ("", "0"):
                took = (time.perf_counter() - started) * 1000
                print(
                    f"inspectkit: hook {hook} on plugin {impl.plugin_name} ({took:.1f} ms)",
                    file=sys.stderr,
                )

    def _unusable(self, impl: Any, hook: str, expected: str) -> PluginHookError:
        return PluginHookError.single(
            f"plugin {self._plugin_named(impl)}: {hook} returned something other than {expected}"
        )

    def _plugin_named(self, impl: Any) -> str:
        info = self.plugins.get(impl.plugin_name)
        return _named(info) if info else str(impl.plugin_name)

    def crosswalk_files(self) -> list[Path]:
        files: list[Path] = []
        self.pm.hook.inspectkit_register_crosswalks(register=lambda path: files.append(Path(path)))
        return files

    def example_files(self) -> tuple[list[Path], list[str]]:
        """Example inspection files, each plugin's in the order it registered them, and a
        line for each plugin whose hook raised (the others' examples still count)."""
        files: list[Path] = []
        problems: list[str] = []

        def register(path: Path) -> None:
            files.append(Path(path))

        for impl in self.pm.hook.inspectkit_register_examples.get_hookimpls():
            try:  # keyword arguments only, as pluggy calls hooks: an impl may take none
                impl.function(**dict.fromkeys(impl.argnames, register))
            except Exception as exc:  # a plugin's hook can raise anything
                problems.append(
                    f"plugin {self._plugin_named(impl)}: inspectkit_register_examples raised "
                    f"{exception_line(exc)}"
                )
        return files, problems


def _new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    return pm


def _check_hook_names(pm: pluggy.PluginManager, plugin: object) -> None:
    """A misspelt hook would silently never run; refuse the plugin instead."""
    for name in dir(plugin):
        if name.startswith("inspectkit_") and pm.parse_hookimpl_opts(plugin, name) is not None:
            caller = getattr(pm.hook, name, None)
            if caller is None or not caller.has_spec():
                raise _Rejected(reason=f"implements unknown hook {name!r}")


def _info(entry_point: metadata.EntryPoint) -> PluginInfo:
    dist = entry_point.dist
    return PluginInfo(
        name=entry_point.name,
        distribution=dist.name if dist else "(unknown)",
        version=dist.version if dist else "",
        value=entry_point.value,
    )


def _named(plugin: PluginInfo) -> str:
    """A plugin as a user can find it: entry point, and distribution when installed."""
    if plugin.distribution in ("(not installed)", "(unknown)"):
        return plugin.name
    return f"{plugin.name} ({plugin.distribution} {plugin.version})".replace(" )", ")")


def code_owner(kind: type) -> str:
    """Who shipped a class, as a user can find it: its distribution and version when
    installed, else its module (for messages about code that raised without a host)."""
    top = kind.__module__.split(".")[0]
    names = metadata.packages_distributions().get(top, [])
    if not names:
        return kind.__module__
    return f"{names[0]} {metadata.version(names[0])} ({kind.__module__})"


def exception_line(exc: BaseException) -> str:
    """One line: the exception's type and first line of its message."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _disabled() -> set[str]:
    """Entry-point names listed in ``INSPECTKIT_DISABLE_PLUGINS`` (comma-separated)."""
    return {
        name.strip() for name in os.environ.get(DISABLE_VARIABLE, "").split(",") if name.strip()
    }


_HOST: PluginHost | None = None
_HOST_LOCK = threading.Lock()


def get_host() -> PluginHost:
    """The process-wide host with installed plugins loaded (loaded on first use).

    Loaded under a lock and published only when complete: ``report`` renders
    workspaces on threads and the web server answers on threads, and a thread must
    never see a host whose plugins are still loading.
    """
    global _HOST
    host = _HOST
    if host is None:
        with _HOST_LOCK:
            host = _HOST
            if host is None:
                host = PluginHost()
                host.load_entry_points()
                _HOST = host
    return host


def reset_host() -> None:
    """Forget loaded plugins, so tests can load a different set."""
    global _HOST
    _HOST = None
