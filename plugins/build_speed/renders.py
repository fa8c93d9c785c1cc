"""Rendered pages kept between builds, reused only when every value they read
is the same again.

While a template renders, every value it takes from its context is recorded
with a fingerprint: each name it looks up, each attribute and item it reads,
each call, filter and test it applies (Jinja's `environment.getattr`,
`environment.getitem`, `Context.resolve_or_missing`, `Context.call` and the
filters and tests are instrumented). That is the page's trace. On the next
build the trace is replayed on the new context: the same look-ups, attributes,
calls and filters, in the same order, on the new objects. Only when every
fingerprint matches is the kept page used; otherwise the page is rendered
anew. The page is then exactly what the render would have made, since the
render would have read exactly those values. Templates, settings and code are
in the cache key of the folder the pages are kept in.

A render that reads something no trace can replay (an object that came by a
way not recorded, a filter that takes the whole render context) is not kept
and is rendered on every build. No Pelican here: the plugin passes in how to
name its content objects (`identity`).
"""

import dataclasses
import hashlib
import inspect
import re
from collections.abc import Callable
from datetime import date, time, timedelta

from jinja2.nodes import EvalContext
from jinja2.runtime import (
    BlockReference,
    Context,
    LoopContext,
    Macro,
    Namespace,
    TemplateReference,
    Undefined,
    missing,
)
from jinja2.utils import Cycler, Joiner, _PassArg

from .memo import load_pickle, save_pickle

RENDERS_FILE = "renders.pickle"
# Trace steps: (operation, the step whose value it applies to, argument, fingerprint).
ROOT, ATTR, ITEM, ELEMENT, CALL, FILTER, TEST = range(7)
# Steps that read a part of an object the site already holds, the same object
# for every page (not a value a call makes anew).
_READS = frozenset({ROOT, ATTR, ITEM, ELEMENT})
_PRIMITIVE = (str, bytes, int, float, complex, bool, type(None), date, time, timedelta)
_CONTAINERS = (list, tuple, dict, set, frozenset, range)
_VIEWS = (type({}.items()), type({}.values()), type({}.keys()))
# Objects a template makes itself: what it does with them follows from what it
# read, which is recorded.
_TEMPLATE_MADE = (
    LoopContext,
    Namespace,
    Macro,
    Undefined,
    Cycler,
    Joiner,
    TemplateReference,
    BlockReference,
    Context,
    *_PRIMITIVE,
    *_CONTAINERS,
    *_VIEWS,
)
_SHARED = (list, tuple, dict, set, frozenset)
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
# Jinja's own filters and tests are pure functions of their arguments.
_PURE_MODULES = ("jinja2.", "markupsafe")


class _Unreplayable(Exception):
    pass


class Fingerprints:
    """Fingerprints of values: deep for plain data, by `identity` for content
    objects, by type, text and truth for any other object (whose attributes,
    once read, are steps of their own)."""

    def __init__(self, identity: Callable[[object], str | None]):
        self.identity = identity
        # Containers the pages read from the site's data (all publications, the
        # archive periods, a publication's tags) are fingerprinted once a build,
        # again if their length changes: id → (value, length, fingerprint).
        # `changed` checks at the end that none changed otherwise.
        self._shared: dict[int, tuple] = {}

    def of(self, value, shared: bool = False) -> bytes:
        """``shared``: a part of the site's data, read by many pages."""
        if shared and type(value) in _SHARED:
            shared = self._shared.get(id(value))
            if shared is not None and shared[1] == len(value):
                return shared[2]
            fingerprint = self._of(value)
            self._shared[id(value)] = (value, len(value), fingerprint)
            return fingerprint
        return self._of(value)

    def changed(self) -> list:
        """The shared containers that are not what they were when first read:
        a page that read one may not show what it now holds."""
        return [
            value
            for value, _length, fingerprint in self._shared.values()
            if self._of(value) != fingerprint
        ]

    def _of(self, value) -> bytes:
        digest = hashlib.blake2b(digest_size=12)
        self._feed(digest, value, 0)
        return digest.digest()

    def _feed(self, digest, value, depth: int) -> None:
        kind = type(value)
        digest.update(kind.__qualname__.encode() + b"\1")
        if isinstance(value, str):
            digest.update(value.encode("utf-8", "surrogatepass"))
        elif isinstance(value, _PRIMITIVE):
            digest.update(repr(value).encode())
        elif depth > 12:
            raise _Unreplayable("too deep")
        elif isinstance(value, dict):
            digest.update(b"%d{" % len(value))
            for key, item in value.items():
                self._feed(digest, key, depth + 1)
                self._feed(digest, item, depth + 1)
        elif isinstance(value, set | frozenset):
            digest.update(b"%d<" % len(value))
            for part in sorted(self._of(item) for item in value):
                digest.update(part)
        elif isinstance(value, (list, tuple, range, *_VIEWS)):
            digest.update(b"%d[" % len(value))
            for item in value:
                self._feed(digest, item, depth + 1)
        elif isinstance(value, Undefined):
            digest.update(b"undefined")
        else:
            self._feed_object(digest, value, depth)
        digest.update(b"\2")

    def _feed_object(self, digest, value, depth: int) -> None:
        name = self.identity(value)
        if name is not None:
            digest.update(name.encode("utf-8", "surrogatepass"))
            return
        if inspect.ismethod(value):
            digest.update(value.__func__.__qualname__.encode())
            self._feed(digest, value.__self__, depth + 1)
            return
        if inspect.isgenerator(value) or hasattr(value, "__next__"):
            raise _Unreplayable("an iterator is read once")
        if callable(value) and hasattr(value, "__qualname__"):
            digest.update(f"{value.__module__}.{value.__qualname__}".encode())
            return
        if dataclasses.is_dataclass(value):
            # Field by field: its repr shows sets in this run's hash order.
            for field in dataclasses.fields(value):
                self._feed(digest, getattr(value, field.name), depth + 1)
            return
        text = _ADDRESS.sub("", str(value))
        digest.update(text.encode("utf-8", "surrogatepass") + b"%d" % bool(value))
        if hasattr(value, "__html__"):
            digest.update(str(value.__html__()).encode("utf-8", "surrogatepass"))
        if hasattr(value, "__iter__"):
            digest.update(b"iter")
            for item in value:
                self._feed(digest, item, depth + 1)


class Trace:
    """The steps one render took, with the objects they gave."""

    def __init__(self, localcontext: dict, environment, fingerprints: Fingerprints):
        self.localcontext = localcontext
        self.environment = environment
        self.fingerprints = fingerprints
        self.steps: list[tuple] = []
        self.replayable = True
        self._known: dict[tuple, int] = {}
        # id(object) → the step that gave it, or (step kind, parent, argument,
        # object) for an element of a container, made a step when it is used.
        self._paths: dict[int, object] = {}
        self._alive: list = []  # ids stay unique while the render runs

    def root(self, name: str, value) -> None:
        local = self.localcontext
        if (name in local and local[name] is value) or (
            name not in local and self.environment.globals.get(name) is value
        ):
            self._step(ROOT, None, name, value)

    def access(self, kind: int, owner, argument, value) -> None:
        parent = self._ref(owner)
        if parent is None:
            if not isinstance(owner, _TEMPLATE_MADE):
                self.replayable = False
            return
        self._step(kind, parent, argument, value)

    def called(self, kind: int, function, arguments, keywords, value) -> None:
        """A filter or a test (`function` its name) or a call of a value read."""
        if kind == CALL:
            callee = self._ref(function)
            if callee is None:
                if not _template_callable(function):
                    self.replayable = False
                return
        else:
            callee = function
        try:
            refs = (
                tuple(self._argument(value) for value in arguments),
                tuple((key, self._argument(value)) for key, value in keywords.items()),
            )
        except _Unreplayable:
            self.replayable = False
            return
        self._step(kind, callee, refs, value)

    def _argument(self, value, depth: int = 0):
        """An argument as it is found again: a value, the step that gave it, or
        a list or dict the template made of those."""
        if isinstance(value, _PRIMITIVE):
            return ("value", value)
        ref = self._ref(value)
        if ref is not None:
            return ("step", ref)
        if depth < 6 and type(value) in (list, tuple):
            return (
                type(value).__name__,
                tuple(self._argument(item, depth + 1) for item in value),
            )
        if depth < 6 and type(value) is dict:
            return (
                "dict",
                tuple(
                    (self._argument(key, depth + 1), self._argument(item, depth + 1))
                    for key, item in value.items()
                ),
            )
        raise _Unreplayable("an argument from nowhere")

    def _step(self, kind: int, parent, argument, value) -> None:
        key = (kind, parent, argument) if _hashable(argument) else None
        if key is not None and key in self._known:
            # The same read again (a bound method is a new object each time).
            self._register(value, self._known[key])
            return
        try:
            fingerprint = self.fingerprints.of(value, kind in _READS)
        except _Unreplayable:
            self.replayable = False
            return
        index = len(self.steps)
        self.steps.append((kind, parent, argument, fingerprint))
        if key is not None:
            self._known[key] = index
        self._register(value, index)

    def _register(self, value, path) -> None:
        if isinstance(value, _PRIMITIVE) or id(value) in self._paths:
            return
        self._paths[id(value)] = path
        self._alive.append(value)
        if isinstance(value, dict):
            for key, item in value.items():
                if _hashable(key) and isinstance(key, _PRIMITIVE):
                    self._register(item, (ITEM, path, key, item))
        elif isinstance(value, (list, tuple, *_VIEWS)):
            for number, item in enumerate(value):
                self._register(item, (ELEMENT, path, number, item))

    def _ref(self, value) -> int | None:
        path = self._paths.get(id(value))
        if path is None or isinstance(path, int):
            return path
        kind, parent, argument, item = path
        if not isinstance(parent, int):
            parent = self._ref(parent[3])
        self._paths[id(value)] = None  # made a step below, or unreplayable
        if parent is None:
            return None
        self._step(kind, parent, argument, item)
        made = self._known.get((kind, parent, argument))
        self._paths[id(value)] = made
        return made


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _template_callable(function) -> bool:
    owner = getattr(function, "__self__", None)
    if owner is not None and isinstance(owner, _TEMPLATE_MADE):
        return True
    return isinstance(function, Macro | type) or _pure(function)


def _pure(function) -> bool:
    return getattr(function, "__module__", "").startswith(_PURE_MODULES) or (
        type(function).__module__.startswith(_PURE_MODULES)
    )


class Renders:
    """The pages rendered or reused in this build, and those kept from the last."""

    def __init__(self) -> None:
        self.tracing: Trace | None = None
        self.fingerprints = Fingerprints(lambda value: None)
        self.keeping = False
        self._kept: dict[str, tuple] = {}
        self._used: dict[str, tuple] = {}
        self.reused = 0
        self.rendered = 0

    def reset(self, identity: Callable[[object], str | None]) -> None:
        self.tracing = None
        self.keeping = False
        self.fingerprints = Fingerprints(identity)
        self._kept.clear()
        self._used.clear()
        self.reused = self.rendered = 0

    def load(self, folder) -> None:
        """Keep this build's renders for the next, and use the last one's."""
        self.keeping = True
        self._kept.update(load_pickle(folder / RENDERS_FILE) or {})

    def save(self, folder) -> bool:
        """Keep this build's renders; False, keeping none, if a container the
        pages read changed while they were written (see `Fingerprints`)."""
        if self.fingerprints.changed():
            (folder / RENDERS_FILE).unlink(missing_ok=True)
            return False
        save_pickle(folder / RENDERS_FILE, self._used)
        return True

    def render(self, template, localcontext: dict) -> str:
        name = localcontext.get("output_file")
        if not self.keeping:
            return template.render(localcontext)
        kept = self._kept.get(name)
        environment = template.environment
        if (
            kept
            and kept[0] == template.name
            and _replayed(kept[1], localcontext, environment, self.fingerprints)
        ):
            self._used[name] = kept
            self.reused += 1
            return kept[2]
        trace = Trace(localcontext, environment, self.fingerprints)
        self.tracing = trace
        try:
            html = template.render(localcontext)
        finally:
            self.tracing = None
        self.rendered += 1
        if trace.replayable and name:
            self._used[name] = (template.name, tuple(trace.steps), html)
        return html


RENDERS = Renders()


def _replayed(steps, localcontext, environment, fingerprints) -> bool:
    originals = environment.untraced
    values: list = []
    try:
        for kind, parent, argument, fingerprint in steps:
            value = _replay_step(
                kind, parent, argument, values, localcontext, environment, originals
            )
            if inspect.isgenerator(value):
                value = list(value)
            if fingerprints.of(value, kind in _READS) != fingerprint:
                return False
            values.append(value)
    except Exception:  # whatever the new objects do, the page is rendered anew
        return False
    return True


def _replay_step(kind, parent, argument, values, localcontext, environment, originals):
    if kind == ROOT:
        if argument in localcontext:
            return localcontext[argument]
        return environment.globals[argument]
    owner = values[parent] if isinstance(parent, int) else None
    if kind == ATTR:
        return originals.getattr(owner, argument)
    if kind == ITEM:
        return originals.getitem(owner, argument)
    if kind == ELEMENT:
        return (owner if isinstance(owner, list | tuple) else list(owner))[argument]
    positional, keywords = argument
    arguments = [_replayed_argument(ref, values) for ref in positional]
    named = {key: _replayed_argument(ref, values) for key, ref in keywords}
    if kind == CALL:
        return owner(*arguments, **named)
    table = originals.filters if kind == FILTER else originals.tests
    function = table[parent]
    pass_arg = _PassArg.from_obj(function)
    if pass_arg is _PassArg.environment:
        arguments.insert(0, environment)
    elif pass_arg is _PassArg.eval_context:
        arguments.insert(0, EvalContext(environment))
    elif pass_arg is _PassArg.context:
        raise _Unreplayable("a filter of the whole context")
    return function(*arguments, **named)


def _replayed_argument(ref, values):
    kind, value = ref
    if kind == "step":
        return values[value]
    if kind == "value":
        return value
    if kind == "dict":
        return {
            _replayed_argument(key, values): _replayed_argument(item, values)
            for key, item in value
        }
    made = [_replayed_argument(item, values) for item in value]
    return made if kind == "list" else tuple(made)


class _Originals:
    """The environment's own functions, before they were traced."""

    def __init__(self, environment):
        self.getattr = environment.getattr
        self.getitem = environment.getitem
        self.filters = dict(environment.filters)
        self.tests = dict(environment.tests)


class TracingContext(Context):
    def resolve_or_missing(self, key):
        value = super().resolve_or_missing(key)
        trace = RENDERS.tracing
        if trace is not None and value is not missing and key not in self.vars:
            trace.root(key, value)
        return value

    def call(__self, __obj, *args, **kwargs):
        value = super().call(__obj, *args, **kwargs)
        trace = RENDERS.tracing
        if trace is not None:
            if inspect.isgenerator(value):
                value = list(value)
            if _PassArg.from_obj(__obj) is not None and not _template_callable(__obj):
                trace.replayable = False
            else:
                kwargs.pop("_loop_vars", None)
                kwargs.pop("_block_vars", None)
                trace.called(CALL, __obj, args, kwargs, value)
        return value


def trace_environment(environment) -> None:
    """Make every render in `environment` record its trace."""
    originals = _Originals(environment)
    environment.untraced = originals

    def getattr_(owner, attribute):
        value = originals.getattr(owner, attribute)
        trace = RENDERS.tracing
        if trace is not None:
            trace.access(ATTR, owner, attribute, value)
        return value

    def getitem(owner, argument):
        value = originals.getitem(owner, argument)
        trace = RENDERS.tracing
        if trace is not None:
            trace.access(ITEM, owner, argument, value)
        return value

    environment.getattr = getattr_
    environment.getitem = getitem
    environment.context_class = TracingContext
    for table, kind in ((environment.filters, FILTER), (environment.tests, TEST)):
        for name, function in list(table.items()):
            if not _pure(function):
                table[name] = _traced(kind, name, function)


def _traced(kind: int, name: str, function):
    pass_arg = _PassArg.from_obj(function)

    def traced(*arguments, **keywords):
        value = function(*arguments, **keywords)
        trace = RENDERS.tracing
        if trace is not None:
            if inspect.isgenerator(value):
                value = list(value)
            if pass_arg is _PassArg.context:
                trace.replayable = False
            else:
                given = arguments[1:] if pass_arg is not None else arguments
                trace.called(kind, name, given, keywords, value)
        return value

    if pass_arg is not None:
        traced.jinja_pass_arg = pass_arg
    return traced
