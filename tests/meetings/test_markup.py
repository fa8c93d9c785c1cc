from meetings.markup import render_paragraph, render_paragraphs


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
