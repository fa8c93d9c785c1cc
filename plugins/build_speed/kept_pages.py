"""Pages rendered by an earlier build, reused when nothing they were made from changed.

A page is a pure function of its template and of the context it is rendered
with: the theme's filters are pure, and the templates' own code is in the build's
cache key. So a page can be looked up by a digest of that context, in two parts:

- **light:** the shared context (settings, lists, plan, cities…) and, for every
  publication, each attribute but its heavy ones. It is digested once per build
  (`begin`), and any change there (a title, a date, a tag, a record, a plan
  item) changes the key of every page, which is then rendered anew: correct,
  just not fast;
- **heavy:** the attributes made from a publication's text (its body, its
  metadata with the summary, its description…), named by the plugin
  (`notice_reads`). Every read of one of them, from a template or from Python,
  goes through a descriptor that tells the page being rendered; a page is
  reused only if each heavy attribute it read has the digest it had.

Which attributes are heavy only decides how much is rendered again, never
whether a page is right: an attribute not named heavy is in the light digest.
So a one-word edit in one article re-renders its own page and whatever read
that article's text or summary, and nothing else. The golden test
(`tests/site/test_incremental.py`) checks that a rebuild is byte-identical to a
cold build after every kind of edit.
"""

import hashlib
import io
import pickle
import types
import zlib
from collections.abc import Callable, Iterable, Mapping

from jinja2 import Template

from build_cache import file_digest, load_pickle, save_pickle

KEPT_FILE = "pages.pickle"
# Pelican's content objects hold the shared context and the settings, digested
# on their own, once; a static file notes that a page linked to it, which
# changes no page.
_SHARED_ATTRIBUTES = frozenset({"_context", "settings", "_output_location_referenced"})
# The heavy attributes of this process's content objects (`notice_reads`).
_HEAVY: set[str] = set()
# Pelican fills these tables of publications by path, and the list of static
# files, in the order it happens to find the files, which changes from run to
# run; the theme looks them up, never lists them.
_LOOKUPS = ("generated_content", "static_content", "staticfiles")
_MISSING = object()
# With relative URLs Pelican's writer sets the page's own address into the
# shared context just before rendering it: it belongs to each page's key.
_PER_PAGE = frozenset({"localsiteurl"})
_CALLABLES = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodDescriptorType,
    types.ModuleType,
    type,
)


# Objects digested by what they stand for, not by their attributes: some fill a
# cache on first use (Pelican's tags and authors their slug), which would change
# their digest halfway through a build.
_SUMMARIES: dict[type, Callable] = {}


def digest_as(kind: type, summary: Callable) -> None:
    _SUMMARIES[kind] = summary


class Unkeyable(Exception):
    """The context holds something that cannot be digested: nothing is reused."""


class _Digester(pickle.Pickler):
    """Pickles an object graph as a digest: publications, the settings and the
    shared context by name, sets in sorted order (their order changes from run
    to run), functions by their qualified name (their code is in the cache key)."""

    def __init__(self, file, names: Mapping[int, object]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._names = names

    def persistent_id(self, obj):
        kind = type(obj)
        if kind in _PLAIN:
            return None
        name = self._names.get(id(obj))
        if name is not None:
            return name
        summary = _SUMMARIES.get(kind)
        if summary is not None:
            return (kind.__qualname__, summary(obj))
        if kind is set or kind is frozenset:
            try:
                return ("set", tuple(sorted(obj)))
            except TypeError:
                return (
                    "set",
                    tuple(sorted(digest_of(item, self._names) for item in obj)),
                )
        if isinstance(obj, _CALLABLES):
            return ("code", getattr(obj, "__module__", None), obj.__qualname__)
        if isinstance(obj, types.MethodType):
            return ("method", obj.__func__.__qualname__, obj.__self__)
        return None


# Pickled as they are, asked nothing: most of what a digest holds. A dict or a
# list may be the shared context or a publication's list, so they are asked.
_PLAIN = frozenset({str, int, float, bool, type(None), bytes, tuple})


def digest_of(value, names: Mapping[int, object] | None = None) -> bytes:
    """A digest of `value` and all it holds; `names` stand for objects by id."""
    buffer = io.BytesIO()
    try:
        _Digester(buffer, names or {}).dump(value)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as error:
        raise Unkeyable(str(error)) from error
    return file_digest(buffer.getvalue())


class KeptPages:
    """The pages of one build's cache key, by the digest of what made them."""

    def __init__(self):
        self._file = None
        self._known: dict[bytes, tuple] = {}
        self._used: dict[bytes, tuple] = {}
        self._active = self._keyed = False
        self._reads: list[set[int]] = []
        self.reused = 0
        self.rendered = 0

    def load(self, folder) -> None:
        self._file = folder / KEPT_FILE if folder else None
        self._known = load_pickle(self._file) or {}
        self._used = {}
        self._active = self._keyed = False
        self.reused = self.rendered = 0

    def begin(self, settings: Mapping, context: Mapping, per_run: Iterable[str]):
        """Before the first page is written: digest the light part of everything."""
        self._active = False
        if self._file is None:
            return
        by_name: dict[tuple, list] = {}
        for content in _publications(context):
            by_name.setdefault(_name_of(content), []).append(content)
        # Two objects under one name could stand for each other: neither is named.
        self._by_name = {
            name: found[0]
            for name, found in sorted(by_name.items(), key=repr)
            if len(found) == 1
        }
        self._name_by_id = {
            id(content): name for name, content in self._by_name.items()
        }
        # In a digest a publication is its place in the sorted list of names,
        # which is itself in the light digest.
        names: dict[int, object] = {id(settings): "settings", id(context): "context"}
        names.update(
            (id(content), index) for index, content in enumerate(self._by_name.values())
        )
        self._names = names
        self._values: dict[int, tuple[object, bytes]] = {}
        # For pages' own values: the publications, and each value digested
        # already (a paginated page holds its paginator) by its digest.
        self._page_names = dict(names)
        self._context = context
        self._heavy: dict[tuple[tuple, str], bytes] = {}
        self._settings = settings
        self._per_run = frozenset(per_run)
        try:
            self._light = self._light_digest()
        except Unkeyable:
            return
        self._active = self._keyed = True

    def _light_digest(self) -> bytes:
        skipped = self._per_run | _PER_PAGE
        digest = hashlib.blake2b(digest_size=20)
        for shared in (self._settings, self._context):
            digest.update(
                digest_of(
                    {
                        key: self._in_order(value) if key in _LOOKUPS else value
                        for key, value in shared.items()
                        if key not in skipped
                    },
                    self._names,
                )
            )
        for name, content in self._by_name.items():
            attributes = {
                key: value
                for key, value in vars(content).items()
                if key not in _SHARED_ATTRIBUTES and key not in _HEAVY
            }
            digest.update(repr(name).encode("utf-8"))
            digest.update(
                digest_of((type(content).__qualname__, attributes), self._names)
            )
        return digest.digest()

    def _in_order(self, lookup):
        if isinstance(lookup, Mapping):
            return sorted(lookup.items())
        return sorted(lookup, key=lambda item: repr(self._name_by_id.get(id(item))))

    def still_valid(self) -> bool:
        """After the last page: nothing the pages' keys were made of changed
        while pages were written (a page reused earlier would be stale)."""
        if not self._active:
            return True
        try:
            return (
                self._light_digest() == self._light
                and all(
                    digest_of(value, _Except(self._page_names, id(value))) == digest
                    for value, digest in self._values.values()
                )
                and all(
                    self._heavy_digest(name, attribute) == digest
                    for (name, attribute), digest in self._heavy.items()
                )
            )
        except Unkeyable:
            return False

    def render(self, template: Template, render, args, kwargs) -> str:
        if not self._active:
            return render(*args, **kwargs)
        try:
            key = self._key(template, args, kwargs)
        except Unkeyable:
            return render(*args, **kwargs)
        kept = self._known.get(key) or self._used.get(key)
        if kept is not None:
            reads, packed = kept
            if all(
                self._heavy_of(name, attribute) == digest
                for name, attribute, digest in reads
            ):
                self._note_kept_reads(reads)
                self._used[key] = kept
                self.reused += 1
                return _unpacked(packed)
        self._reads.append(set())
        try:
            output = render(*args, **kwargs)
        finally:
            read = self._reads.pop()
        if self._reads:
            self._reads[-1].update(read)
        named = sorted(
            (
                (self._name_by_id[oid], attribute)
                for oid, attribute in read
                if oid in self._name_by_id
            ),
            key=repr,
        )
        self._used[key] = (
            tuple(
                (name, attribute, self._heavy_of(name, attribute))
                for name, attribute in named
            ),
            _packed(output),
        )
        self.rendered += 1
        return output

    def note_read(self, content, attribute: str) -> None:
        if self._reads:
            self._reads[-1].add((id(content), attribute))

    def _note_kept_reads(self, reads) -> None:
        if self._reads:
            self._reads[-1].update(
                (id(self._by_name[name]), attribute)
                for name, attribute, _digest in reads
            )

    def _heavy_of(self, name, attribute: str) -> bytes | None:
        """A heavy attribute's digest, once per build; None for a name this
        build does not have, which never matches."""
        if name not in self._by_name:
            return None
        key = (name, attribute)
        digest = self._heavy.get(key)
        if digest is None:
            digest = self._heavy[key] = self._heavy_digest(name, attribute)
        return digest

    def _heavy_digest(self, name, attribute: str) -> bytes:
        value = self._by_name[name].__dict__.get(attribute, _MISSING)
        return digest_of(None if value is _MISSING else ("value", value), self._names)

    def _key(self, template: Template, args, kwargs) -> bytes:
        given = dict(*args, **kwargs)
        # Only what differs from the shared context: the rest is in the light digest.
        changed = {
            key: value
            for key, value in given.items()
            if (self._context.get(key, _MISSING) is not value or key in _PER_PAGE)
            and key not in self._per_run
        }
        dropped = sorted(key for key in self._context if key not in given)
        parts = [(key, self._value_digest(value)) for key, value in changed.items()]
        return file_digest(
            self._light
            + (template.name or "").encode("utf-8")
            + digest_of((parts, dropped), self._page_names)
        )

    def _value_digest(self, value) -> bytes:
        """Many pages are given one list (all the publications, a tag's): it is
        digested once; `still_valid` checks that none changed since."""
        known = self._values.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        digest = digest_of(value, self._page_names)
        if id(value) in self._names:
            return digest  # a publication: its name, nothing to keep
        self._values[id(value)] = (value, digest)
        self._page_names[id(value)] = ("value", digest)
        return digest

    def end(self) -> None:
        self._active = False

    def save(self) -> None:
        """Keep what this build used, if it could look pages up at all."""
        if self._file and self._keyed:
            save_pickle(self._file, self._used)


def _packed(page: str) -> bytes:
    """A page as it is kept: a fifth of its size in memory and on disk, where
    a build holds all of them (level 1: the fastest, most of the gain)."""
    return zlib.compress(page.encode("utf-8", "surrogatepass"), 1)


def _unpacked(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8", "surrogatepass")


class _Except:
    """`names` without the one object a digest is checked for."""

    def __init__(self, names: Mapping[int, object], left_out: int):
        self._names = names
        self._left_out = left_out

    def get(self, key, default=None):
        return default if key == self._left_out else self._names.get(key, default)


def _publications(context: Mapping) -> list:
    found: dict[int, object] = {}
    for name in ("articles", "drafts", "hidden_articles", "pages", "hidden_pages"):
        for content in context.get(name) or ():
            for item in (content, *getattr(content, "translations", ())):
                found[id(item)] = item
    for table in ("generated_content", "static_content"):
        for item in (context.get(table) or {}).values():
            found[id(item)] = item
    return list(found.values())


def _name_of(content) -> tuple:
    return (
        "content",
        type(content).__qualname__,
        getattr(content, "relative_source_path", None) or content.source_path,
        getattr(content, "lang", None),
    )


KEPT_PAGES = KeptPages()


class KeptTemplate(Template):
    """A template whose every render goes through `KEPT_PAGES`."""

    def render(self, *args, **kwargs) -> str:
        return KEPT_PAGES.render(self, super().render, args, kwargs)


class NoticedAttribute:
    """A heavy attribute of Pelican's content objects, every read of which is
    told to `KEPT_PAGES`: a data descriptor wins over the instance's dict,
    where the value stays."""

    def __init__(self, attribute: str):
        self.attribute = attribute

    def __get__(self, content, owner=None):
        if content is None:
            return self
        KEPT_PAGES.note_read(content, self.attribute)
        try:
            return content.__dict__[self.attribute]
        except KeyError:
            raise AttributeError(self.attribute) from None

    def __set__(self, content, value) -> None:
        content.__dict__[self.attribute] = value

    def __delete__(self, content) -> None:
        del content.__dict__[self.attribute]


def notice_reads(content_class, heavy: Iterable[str]) -> None:
    """Make `heavy` the heavy attributes of `content_class` and its subclasses.

    Pelican memoises `get_content` and `get_summary`: a second call reads no
    attribute, so each notes what its first call reads."""
    for attribute in heavy:
        if not isinstance(content_class.__dict__.get(attribute), NoticedAttribute):
            setattr(content_class, attribute, NoticedAttribute(attribute))
        _HEAVY.add(attribute)
    if "_noticed" in content_class.__dict__:
        return
    content_class._noticed = True
    content_class.get_content = _noticing(
        content_class.__dict__["get_content"], lambda content: ("_content",)
    )
    content_class.get_summary = _noticing(
        content_class.__dict__["get_summary"],
        # Cut from the body when the metadata has none.
        lambda content: (
            ("metadata",)
            if "summary" in content.__dict__.get("metadata", {})
            else ("metadata", "_content")
        ),
    )


def _noticing(method, reads: Callable[[object], tuple[str, ...]]):
    def noticed(self, *args):
        for attribute in reads(self):
            KEPT_PAGES.note_read(self, attribute)
        return method(self, *args)

    noticed.__name__ = getattr(method, "__name__", "noticed")
    noticed.__doc__ = method.__doc__
    return noticed
