"""What each plugin needs before it in PLUGINS, checked when a build starts.

Not a plugin: the plugins import it. A plugin that reads what another prepares
(the build state, a context entry, a setting) names that plugin here; a missing
or misordered one stops the build with one Russian line, instead of a KeyError
deep in a run or a silently empty page.
"""

from collections.abc import Callable, Iterable

from chamber.problems import SettingsError


def plugin_names(plugins: Iterable) -> list[str]:
    """PLUGINS as names: Pelican takes names («feeds») or modules."""
    return [
        getattr(plugin, "__name__", plugin).rsplit(".", 1)[-1] for plugin in plugins
    ]


def order_problem(names: list[str], plugin: str, required: Iterable[str]) -> str | None:
    """The Russian message for what `plugin` needs but does not find before it."""
    position = names.index(plugin) if plugin in names else len(names)
    missing = [name for name in required if name not in names]
    after = [name for name in required if name in names[position:]]
    parts = []
    if missing:
        parts.append("добавьте в PLUGINS " + ", ".join(f"«{n}»" for n in missing))
    if after:
        parts.append("поставьте в PLUGINS " + ", ".join(f"«{n}»" for n in after))
    if not parts:
        return None
    return (
        f"модулю «{plugin}» нужны данные других модулей: "
        + "; ".join(parts)
        + f" перед «{plugin}» (pelicanconf.py)."
    )


def needs(plugin: str, *required: str) -> Callable[[object], None]:
    """A receiver for `initialized`; the plugin keeps it at module level, since
    Pelican's signals hold their receivers weakly."""

    def check(pelican) -> None:
        problem = order_problem(
            plugin_names(pelican.settings.get("PLUGINS") or ()), plugin, required
        )
        if problem:
            raise SettingsError(problem)

    check.required = required
    return check
