import pytest
from pelican.utils import slugify as pelican_slugify

from chamber.russian.slugs import SLUG_REGEX_SUBSTITUTIONS, shorten_slug, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Ежемесячный дайджест", "ezhemesyachnyy-daydzhest"),
        ("Щёлково", "shchelkovo"),
        ("Объём работ", "obem-rabot"),
        ("Улан-Удэ", "ulan-ude"),
        ("Йошкар-Ола", "yoshkar-ola"),
        ("Ханты-Мансийск", "khanty-mansiysk"),
        ("Закон «О городских агломерациях»!", "zakon-o-gorodskikh-aglomeratsiyakh"),
        ("  Казань  2021 ", "kazan-2021"),
    ],
)
def test_transliteration_is_the_familiar_one(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    "text", ["Ежемесячный дайджест", "Объём № 131-ФЗ", "Тюмень: практики", "ёлка Ёлка"]
)
def test_pelican_slugs_and_heading_anchors_agree(text):
    via_pelican = pelican_slugify(
        text, regex_subs=SLUG_REGEX_SUBSTITUTIONS, use_unicode=True
    )
    assert via_pelican == slugify(text)


def test_yo_and_ye_give_the_same_slug():
    assert slugify("Объём") == slugify("Объем")


def test_a_long_slug_is_cut_at_a_word_boundary():
    title = "Предложения Палаты городов-центров " * 10
    slug = shorten_slug(slugify(title))
    assert len(slug) <= 80
    assert slugify(title).startswith(f"{slug}-")


def test_a_short_slug_is_kept():
    assert shorten_slug("itogi-goda") == "itogi-goda"


def test_one_endless_word_is_cut_inside_it():
    assert shorten_slug("a" * 300) == "a" * 80
