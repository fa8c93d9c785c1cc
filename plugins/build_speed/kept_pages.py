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
# Values no code can change; a tuple can hold a list.
_IMMUTABLE = frozenset({str, bytes, int, float, bool, type(None)})
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
    """Pickles an object graph as a digest: the objects of `Shared` by their
    place among them, those of `names` (publications, values digested already)
    by their name, objects of `digest_as` by their summary, functions and
    classes by their qualified name (their code is in the cache key), sets by
    their sorted contents.

    Exact strings, numbers, tuples, lists, dicts and sets are pickled by the C
    pickler without asking `reducer_override`, which is what makes a digest
    cheap; so the shared dicts (the settings, the context: `Shared`) are in the
    pickler's memo before it starts, which writes each as its place there, and
    the sets, whose order changes from run to run, are found afterwards
    (`digest_of`). Protocol 3 pickles a set as a
    call of `set`, which asks about the class: that is how a set is noticed."""

    def __init__(self, write, names: Mapping[int, object], shared: "Shared", memo):
        super().__init__(_Sink(write), protocol=3)
        self._names = names
        self._shared = shared
        self.memo = memo
        self.saw_set = False

    def reducer_override(self, obj):
        if obj is _stands_for:
            return NotImplemented
        if obj is set or obj is frozenset:
            self.saw_set = True
        name = self._names.get(id(obj))
        if name is not None:
            return _stands_for, ("name", name)
        kind = type(obj)
        summary = _SUMMARIES.get(kind)
        if summary is not None:
            return _stands_for, (kind.__qualname__, summary(obj))
        if isinstance(obj, _CALLABLES):
            module = getattr(obj, "__module__", None)
            return _stands_for, ("code", module, obj.__qualname__)
        if isinstance(obj, types.MethodType):
            return _stands_for, ("method", obj.__func__.__qualname__, obj.__self__)
        if isinstance(obj, (set, frozenset)):  # a subclass: asked like any object
            return _stands_for, _set_parts(obj, self._names, self._shared)
        return NotImplemented


def _stands_for(*parts):
    """Named in a digest before what an object is digested as; never called."""


class Shared:
    """Objects a digest writes as their place among these: ones that most
    digests hold, whose own digest is taken apart."""

    def __init__(self, objects: Iterable = ()):
        table = (_stands_for, *objects)
        pickler = pickle.Pickler(io.BytesIO(), protocol=3)
        pickler.memo = {id(obj): (place, obj) for place, obj in enumerate(table)}
        # A pickler given another's memo copies it whole, in one step.
        self.memo = pickler.memo


_NOTHING_SHARED = Shared()


class _Sink:
    __slots__ = ("write",)

    def __init__(self, write):
        self.write = write


def digest_of(
    value,
    names: Mapping[int, object] | None = None,
    shared: Shared = _NOTHING_SHARED,
) -> bytes:
    """A digest of `value` and all it holds; `names` stand for objects by id."""
    names = names or {}
    try:
        hashed = hashlib.blake2b(digest_size=20)
        pickler = _Digester(hashed.update, names, shared, shared.memo)
        pickler.dump(value)
        digest = hashed.digest()
        if not pickler.saw_set:
            return digest
        found = [obj for _, obj in pickler.memo.copy().values() if type(obj) in _SETS]
        if not found:
            return digest
        # Each set stands for its sorted contents' digest, by its place in the
        # sorted list of those digests, which goes first.
        digests = {id(obj): digest_of(_set_parts(obj, names, shared)) for obj in found}
        places = {
            part: place for place, part in enumerate(sorted(set(digests.values())))
        }
        # Places below the memo's size: none is one the pickler gives.
        memo = shared.memo.copy()
        start = len(memo)
        memo.update((id(obj), (start + places[digests[id(obj)]], obj)) for obj in found)
        hashed = hashlib.blake2b(b"".join(places), digest_size=20)
        _Digester(hashed.update, names, shared, memo).dump(value)
        return hashed.digest()
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as error:
        raise Unkeyable(str(error)) from error


_SETS = (set, frozenset)
# Sorted as they are when they are all of one of these kinds; anything else is
# sorted by the digests of the items.
_ORDERED = frozenset({str, int, float, bytes})


def _set_parts(items, names, shared: Shared) -> tuple:
    kinds = {type(item) for item in items}
    if len(kinds) == 1 and kinds <= _ORDERED:
        return ("set", tuple(sorted(items)))
    return ("set", tuple(sorted(digest_of(item, names, shared) for item in items)))


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
        # which is itself in the light digest. Not in the memo with the settings
        # and the context: a pickler copies its memo whole, which would cost
        # more than most digests.
        self._names = {
            id(content): index for index, content in enumerate(self._by_name.values())
        }
        self._shared = Shared((settings, context))
        self._values: dict[int, tuple[object, bytes]] = {}
        # For pages' own values: the publications, and each value digested
        # already (a paginated page holds its paginator) by its digest.
        self._page_names = dict(self._names)
        self._context = context
        self._heavy: dict[tuple[tuple, str], tuple[object, bytes]] = {}
        self._own: dict[tuple, _Own] = {}
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
                    self._shared,
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
                digest_of(
                    (type(content).__qualname__, attributes), self._names, self._shared
                )
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
        # The light attributes a heavy one holds are looked up again.
        self._own = {}
        try:
            return (
                self._light_digest() == self._light
                and all(
                    digest_of(value, _Except(self._page_names, id(value)), self._shared)
                    == digest
                    for value, digest in self._values.values()
                )
                # A body that cannot change (a string) is not digested again
                # while it is the same object; `_heavy` holds it, so that no
                # other object takes its id.
                and all(
                    (
                        type(value) in _IMMUTABLE
                        and self._by_name[name].__dict__.get(attribute, _MISSING)
                        is value
                    )
                    or self._heavy_digest(name, attribute)[1] == digest
                    for (name, attribute), (value, digest) in self._heavy.items()
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
        known = self._heavy.get(key)
        if known is None:
            known = self._heavy[key] = self._heavy_digest(name, attribute)
        return known[1]

    def _heavy_digest(self, name, attribute: str) -> tuple[object, bytes]:
        """The value and its digest. Pelican's metadata holds the record, the
        date, the tags… that are the publication's light attributes too: they
        stand there for the attribute's name, as the light digest, in every
        page's key, has them whole."""
        value = self._by_name[name].__dict__.get(attribute, _MISSING)
        if value is _MISSING:
            return value, digest_of(None)
        own = self._own.get(name)
        if own is None:
            own = self._own[name] = _Own(self._names, self._by_name[name])
        return value, digest_of(("value", value), own, self._shared)

    def _key(self, template: Template, args, kwargs) -> bytes:
        given = dict(*args, **kwargs)
        # Only what differs from the shared context: the rest is in the light digest.
        changed = {
            key: value
            for key, value in given.items()
            if (self._context.get(key, _MISSING) is not value or key in _PER_PAGE)
            and key not in self._per_run
        }
        dropped = sorted(self._context.keys() - given.keys())
        # A string or a number is in the key as it is: it cannot change.
        parts = [
            (key, value if type(value) in _IMMUTABLE else self._value_digest(value))
            for key, value in changed.items()
        ]
        return file_digest(
            self._light
            + (template.name or "").encode("utf-8")
            + digest_of((parts, dropped))
        )

    def _value_digest(self, value) -> bytes:
        """Many pages are given one list (all the publications, a tag's): it is
        digested once; `still_valid` checks that none changed since."""
        known = self._values.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        digest = digest_of(value, self._page_names, self._shared)
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


class _Own:
    """`names`, and a publication's own light attributes by their name."""

    def __init__(self, names: Mapping[int, object], content):
        self._names = names
        # Held, so that no other object takes one's id.
        self._values = {
            key: value
            for key, value in vars(content).items()
            if key not in _SHARED_ATTRIBUTES
            and key not in _HEAVY
            and type(value) not in _IMMUTABLE
        }
        self._own = {id(value): ("own", key) for key, value in self._values.items()}

    def get(self, key, default=None):
        found = self._own.get(key)
        return self._names.get(key, default) if found is None else found


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
