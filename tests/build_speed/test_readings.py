"""Readings kept between builds: given back for the same bytes and inputs, with
the warnings reading the file gave, and read anew whenever either changed."""

import pickle
from dataclasses import replace

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category, Tag

from build_speed.readings import CACHE_FILE, Readings
from chamber.cities import City
from chamber.problems import Problem
from content_model.state import BUILD

KAZAN = City("Казань", "Республика Татарстан", "Приволжский")
WARNING = Problem("articles/kazan.md", "в тексте были управляющие символы", None, 7)


@pytest.fixture
def build(tmp_path):
    """The content folder, the settings, the cache folder and the readings of
    a first build, loaded from it."""
    content = tmp_path / "content"
    (content / "files").mkdir(parents=True)
    (content / "files/materialy.pdf").write_bytes(b"%PDF-1.4")
    BUILD.reset()
    BUILD.cities = {KAZAN.name: KAZAN}
    settings = {**DEFAULT_CONFIG, "PATH": str(content)}
    readings = Readings()
    readings.load(tmp_path / "cache", settings)
    yield content, settings, tmp_path / "cache", readings
    BUILD.reset()


class Reader:
    """Stands for the content model's reader of one file: counts its reads."""

    def __init__(self, settings, relative="articles/kazan.md", warn=False):
        self.settings, self.relative, self.warn = settings, relative, warn
        self.reads = 0

    def __call__(self):
        self.reads += 1
        if self.warn:
            BUILD.warn(WARNING)
        return "<p>Текст</p>", {
            "title": "Казань",
            "tags": [Tag("бюджет", self.settings)],
            "category": Category("articles", self.settings),
            "city": BUILD.cities["Казань"],
        }


SOURCE = "Title: Казань\n".encode()


def read(readings, reader, data=SOURCE):
    return readings.read_once(reader.relative, data, reader)


def next_build(readings, folder, settings):
    readings.save()
    BUILD.reset()
    BUILD.cities = {KAZAN.name: KAZAN}
    readings.load(folder, settings)


def test_the_same_bytes_are_read_once_and_given_back_with_their_warnings(build):
    _content, settings, folder, readings = build
    reader = Reader(settings, warn=True)
    first = read(readings, reader)
    next_build(readings, folder, settings)
    again = read(readings, reader)
    assert reader.reads == 1
    assert readings.reused == 1
    assert again == first
    assert BUILD.warnings() == [WARNING]


def test_tags_are_made_with_this_builds_settings_and_cities_are_its_own(build):
    _content, settings, folder, readings = build
    read(readings, Reader(settings))
    later_settings = {**settings, "TAG_URL": "temy/{slug}/"}
    next_build(readings, folder, later_settings)
    _content, metadata = read(readings, Reader(later_settings))
    tag = metadata["tags"][0]
    assert (tag.name, tag.url) == ("бюджет", f"temy/{tag.slug}/")
    assert tag.settings is later_settings
    assert metadata["city"] is BUILD.cities["Казань"]


def test_a_reading_just_made_is_handed_out_as_a_kept_one_would_be(build):
    _content, settings, folder, readings = build
    reader = Reader(settings)
    made = read(readings, reader)
    next_build(readings, folder, settings)
    kept = read(readings, reader)
    # The same objects shared the same way: the city is the reference data's
    # in both, nothing else is shared with the reader's own objects.
    assert made[1]["city"] is kept[1]["city"] is KAZAN
    assert made == kept


def test_other_bytes_or_another_file_are_read_anew(build):
    _content, settings, folder, readings = build
    read(readings, Reader(settings))
    next_build(readings, folder, settings)
    edited = Reader(settings)
    read(readings, edited, data=b"Title: Kazan\n")
    other = Reader(settings, relative="articles/kazan-2.md")
    read(readings, other)
    assert (edited.reads, other.reads, readings.reused) == (1, 1, 0)


def test_a_changed_attachment_reads_every_publication_anew(build):
    content, settings, folder, readings = build
    read(readings, Reader(settings))
    (content / "files/materialy.pdf").write_bytes(b"%PDF-1.7 longer")
    next_build(readings, folder, settings)
    reader = Reader(settings)
    read(readings, reader)
    assert reader.reads == 1


def test_a_reading_with_problems_is_not_kept(build):
    _content, settings, folder, readings = build

    def broken():
        BUILD.add(Problem("articles/kazan.md", "нет даты", "Date"))
        return "<p>Текст</p>", {"title": "Казань"}

    readings.read_once("articles/kazan.md", SOURCE, broken)
    next_build(readings, folder, settings)
    reader = Reader(settings)
    read(readings, reader)
    assert reader.reads == 1


def test_only_what_this_build_read_is_kept_for_the_next(build):
    _content, settings, folder, readings = build
    read(readings, Reader(settings, relative="articles/old.md"))
    next_build(readings, folder, settings)
    read(readings, Reader(settings))
    next_build(readings, folder, settings)
    old = Reader(settings, relative="articles/old.md")
    read(readings, old)
    assert old.reads == 1


def test_a_broken_cache_file_is_read_past(build):
    _content, settings, folder, _readings = build
    folder.mkdir()
    (folder / CACHE_FILE).write_bytes(b"not a pickle")
    readings = Readings()
    readings.load(folder, settings)
    reader = Reader(settings)
    assert read(readings, reader)[0] == "<p>Текст</p>"
    assert reader.reads == 1


class _FailsToLoad:
    """Pickles as a call that raises TypeError when it is loaded."""

    def __reduce__(self):
        return divmod, (1,)


@pytest.mark.parametrize(
    "kept_bytes",
    [b"not a pickle", pickle.dumps(_FailsToLoad())],
    ids=["not_a_pickle", "raises_type_error"],
)
def test_a_kept_reading_that_cannot_be_loaded_is_read_anew(build, kept_bytes):
    _content, settings, folder, readings = build
    read(readings, Reader(settings))
    readings.save()
    kept = pickle.loads((folder / CACHE_FILE).read_bytes())
    (folder / CACHE_FILE).write_bytes(
        pickle.dumps({key: replace(k, reading=kept_bytes) for key, k in kept.items()})
    )
    fresh = Readings()
    fresh.load(folder, settings)
    reader = Reader(settings)
    assert read(fresh, reader)[0] == "<p>Текст</p>"
    assert reader.reads == 1


def test_without_a_cache_folder_every_file_is_read(build):
    _content, settings, _folder, _readings = build
    readings = Readings()
    readings.load(None, settings)
    reader = Reader(settings)
    read(readings, reader)
    read(readings, reader)
    assert reader.reads == 2
