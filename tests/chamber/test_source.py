import pytest

from chamber.problems import FieldError, Problem
from chamber.source import (
    MAX_SOURCE_BYTES,
    decode_source,
    inline_data_url,
    without_control_characters,
)


def test_utf8_with_bom_is_read():
    assert decode_source("\ufeffTitle: Т".encode()) == "Title: Т"


def test_windows_1251_is_named():
    with pytest.raises(FieldError, match="Windows-1251"):
        decode_source("Title: Статья о Казани".encode("cp1251"))


def test_binary_file_is_not_utf8():
    with pytest.raises(FieldError, match="не в кодировке UTF-8"):
        decode_source(b"\x89PNG\r\n\x1a\n\xff\xfe")


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t"])
def test_empty_file_is_reported(data):
    with pytest.raises(FieldError, match="файл пуст"):
        decode_source(data)


def test_problem_names_file_line_and_field():
    problem = Problem("articles/a.md", "текст ошибки", "Date", 3)
    assert str(problem) == "articles/a.md:3: поле «Date»: текст ошибки"
    assert str(Problem("articles/a.md", "файл пуст.")) == "articles/a.md: файл пуст."


def test_an_oversized_file_is_refused_with_its_size():
    with pytest.raises(FieldError, match="файл занимает 6,0 МБ"):
        decode_source(b"a" * (MAX_SOURCE_BYTES + 1024 * 1024))


def test_word_control_characters_are_removed_with_the_first_line():
    text, line = without_control_characters(
        "Title: Итоги\x00\n\nПервая\x0bвторая строка\x07.\tТаб\r\n"
    )
    assert text == "Title: Итоги\n\nПервая вторая строка.\tТаб\r\n"
    assert line == 1


def test_text_without_control_characters_is_unchanged():
    text = "Title: Т\n\nАбзац\tс табуляцией.\r\n"
    assert without_control_characters(text) == (text, None)


def test_an_inline_data_image_is_found_at_its_line():
    text = "Title: Т\n\nТекст\n![схема](data:image/png;base64,iVBORw0KGgo=)\n"
    assert inline_data_url(text) == ("data:image/png;base64,iVBORw0KGgo=", 4)


@pytest.mark.parametrize("text", ["Поле metadata: значение", "Слово data: в тексте"])
def test_the_word_data_is_not_an_inline_file(text):
    assert inline_data_url(text) is None
