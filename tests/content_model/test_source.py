import pytest

from content_model.problems import FieldError, Problem
from content_model.source import decode_source, unsafe_urls


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


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="javascript:alert(1)">x</a>',
        "<a href='JavaScript:void(0)'>x</a>",
        '<a href=" java\tscript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<img src="vbscript:msgbox">',
        "<a href=javascript:alert(1)>x</a>",
        '<iframe src="data:text/html;base64,AAAA"></iframe>',
    ],
)
def test_script_urls_are_found(markup):
    assert unsafe_urls(markup)


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="https://example.ru/javascript:">x</a>',
        '<a href="/documents/">x</a>',
        "<p>Слово javascript: в тексте</p>",
        '<img src="data:image/png;base64,AAAA" alt="">',
    ],
)
def test_ordinary_urls_pass(markup):
    assert unsafe_urls(markup) == []


def test_problem_names_file_line_and_field():
    problem = Problem("articles/a.md", "текст ошибки", "Date", 3)
    assert str(problem) == "articles/a.md:3: поле «Date»: текст ошибки"
    assert str(Problem("articles/a.md", "файл пуст.")) == "articles/a.md: файл пуст."
