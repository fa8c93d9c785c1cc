"""Pagefind's marking of a page as attributes: filters and meta read from
escaped data-search-* attributes of the same element."""

import pytest
from bs4 import BeautifulSoup

from search.attributes import body_weight, first_image, pagefind_attributes


def element(attributes):
    return BeautifulSoup(f"<article {attributes}></article>", "html.parser").article


def test_filters_and_meta_come_from_attributes_of_the_element():
    article = element(
        pagefind_attributes(
            {
                "title": "Казань, «соседи» & <b>агломерация</b>: опыт",
                "section": "Экспертные статьи",
                "date": "24 марта 2021 г.",
                "year": 2021,
                "city": "Казань",
            }
        )
    )
    assert article.has_attr("data-pagefind-body")
    assert article["data-pagefind-filter"] == (
        "section[data-search-section], city[data-search-city], year[data-search-year]"
    )
    assert article["data-pagefind-meta"] == (
        "title[data-search-title], section[data-search-section], "
        "date[data-search-date], city[data-search-city]"
    )
    # Commas, colons and markup stay text: Pagefind would split a literal value.
    assert article["data-search-title"] == "Казань, «соседи» & <b>агломерация</b>: опыт"
    assert article["data-search-year"] == "2021"


def test_an_empty_fact_is_left_out():
    article = element(
        pagefind_attributes({"title": "Статья", "city": None, "kind": ""})
    )
    assert article["data-pagefind-meta"] == "title[data-search-title]"
    assert not article.has_attr("data-pagefind-filter")
    assert not article.has_attr("data-search-city")


def test_an_unknown_fact_is_a_mistake():
    with pytest.raises(ValueError, match="unknown search facts: colour"):
        pagefind_attributes({"title": "Статья", "colour": "синий"})


def test_a_section_weight_other_than_one_is_an_attribute():
    weights = {"digests": 0.5}
    assert body_weight("digests", weights) == 'data-pagefind-weight="0.5"'
    assert body_weight("articles", weights) == ""


def test_the_first_picture_of_a_text_is_its_image():
    html = (
        '<p>Текст</p><figure><img src="/images/skhema.svg" alt="Схема «агломерации»">'
        '</figure><img src="/images/vtoraya.png" alt="">'
    )
    facts = first_image(html)
    assert facts == {"image": "/images/skhema.svg", "image_alt": "Схема «агломерации»"}
    article = element(pagefind_attributes({"title": "Статья", **facts}))
    assert article["data-pagefind-meta"] == (
        "title[data-search-title], image[data-search-image], "
        "image_alt[data-search-image_alt]"
    )


def test_a_text_without_pictures_has_no_image():
    assert first_image("<p>Только текст</p>") == {}


def test_a_picture_tag_in_capitals_is_a_picture_too():
    assert first_image('<p>Текст</p><IMG SRC="/images/a.png" ALT="Схема">') == {
        "image": "/images/a.png",
        "image_alt": "Схема",
    }
