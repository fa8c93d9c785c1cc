"""Pelican's slugify, remembered: the same slug as Pelican's own for every argument."""

import pytest
from pelican import contents, urlwrappers, utils
from pelican.urlwrappers import Tag

from build_speed.slugs import remember_slugs, remembered_slugify
from chamber.russian.slugs import SLUG_REGEX_SUBSTITUTIONS

PELICAN_SUBS = [
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]
TEXTS = [
    "Бюджет города",
    "Ёлки и ЁЖ",
    "Закон № 131-ФЗ",
    "<em>Местное</em> самоуправление",
    "Café «Прага» — 2021",
    "  пробелы  по краям ",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("subs", [SLUG_REGEX_SUBSTITUTIONS, PELICAN_SUBS, []])
@pytest.mark.parametrize("preserve_case", [False, True])
@pytest.mark.parametrize("use_unicode", [False, True])
def test_the_same_slug_as_pelicans_own(text, subs, preserve_case, use_unicode):
    expected = utils.slugify(
        text, regex_subs=subs, preserve_case=preserve_case, use_unicode=use_unicode
    )
    assert remembered_slugify(text, subs, preserve_case, use_unicode) == expected
    # Asked again, now from the memo.
    assert remembered_slugify(text, subs, preserve_case, use_unicode) == expected


def test_every_argument_is_in_the_key():
    # One text asked with arguments that each change the slug, in turn: a memo
    # that left one of them out would answer with the slug asked before.
    text = "Café Бюджет"
    asked = [
        ((SLUG_REGEX_SUBSTITUTIONS, False, True), "café-byudzhet"),
        ((SLUG_REGEX_SUBSTITUTIONS, True, True), "Café-byudzhet"),
        ((PELICAN_SUBS, True, True), "Café-Бюджет"),
        ((PELICAN_SUBS, True, False), "Cafe-Biudzhet"),
        (([], True, False), "Cafe Biudzhet"),
    ]
    for arguments, slug in asked:
        assert utils.slugify(text, *arguments) == slug
        assert remembered_slugify(text, *arguments) == slug


def test_lists_of_lists_from_the_settings_give_the_same_slug():
    as_lists = [list(pair) for pair in SLUG_REGEX_SUBSTITUTIONS]
    assert remembered_slugify("Ёлка", as_lists, False, True) == "elka"


def test_pelicans_tags_and_contents_use_the_memo(monkeypatch):
    monkeypatch.setattr(urlwrappers, "slugify", urlwrappers.slugify)
    monkeypatch.setattr(contents, "slugify", contents.slugify)
    remember_slugs()
    assert urlwrappers.slugify is remembered_slugify
    assert contents.slugify is remembered_slugify
    settings = {"TAG_REGEX_SUBSTITUTIONS": SLUG_REGEX_SUBSTITUTIONS}
    settings["SLUGIFY_USE_UNICODE"] = True
    assert Tag("Бюджет города", settings).slug == "byudzhet-goroda"
