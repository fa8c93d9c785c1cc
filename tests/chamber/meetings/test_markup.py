import pytest
from markdown import Markdown

from chamber.meetings.markup import render_paragraph, render_paragraphs


def test_inline_markdown_is_rendered():
    assert render_paragraph("Это *важно* и **очень**.") == (
        "<p>Это <em>важно</em> и <strong>очень</strong>.</p>"
    )


def test_a_paragraph_that_looks_like_metadata_is_kept():
    # The site's `meta` extension would swallow it as a «Вопрос» field.
    assert render_paragraph("Вопрос: когда примем закон?") == (
        "<p>Вопрос: когда примем закон?</p>"
    )


def test_a_list_stays_a_list():
    assert render_paragraph("1. Первое\n2. Второе").startswith("<ol>")


def test_paragraphs_are_rendered_one_by_one():
    assert render_paragraphs(("Один.", "Два.")) == "<p>Один.</p>\n<p>Два.</p>"
    assert render_paragraphs(()) == ""


@pytest.mark.parametrize(
    "text",
    [
        "Добрый день, уважаемые коллеги!",
        "Вопрос: когда примем закон?",
        "Первая строка реплики\nи её продолжение на второй.",
        "Закон № 131-ФЗ принят в 2003 г. — это «основа» местного самоуправления.",
        "Итоги\n=====",
        "Итоги\n-----",
        "2021. Год агломераций.",
        "Слово_с_подчёркиванием и ссылка [сайт](https://example.ru).",
        "Цена 5 < 7 & 8 > 3",
        "    отступ в четыре пробела",
        "Строка с переносом  \nпосле двух пробелов.",
    ],
)
def test_plain_prose_shortcut_matches_markdown(text):
    reference = Markdown(
        extensions=["markdown.extensions.extra", "markdown.extensions.sane_lists"],
        output_format="html",
    ).convert(text)
    assert render_paragraph(text) == reference
