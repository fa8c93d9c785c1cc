from chamber.discovery.describe import (
    DESCRIPTION_LIMIT,
    describe,
    leading_text,
    plain_text,
    shorten,
)


def test_summary_wins_over_the_text():
    assert (
        describe("<p>Опыт <b>Казани</b>.</p>", "<p>Текст.</p>", "сайт")
        == "Опыт Казани."
    )


def test_without_summary_the_text_is_plain_and_on_one_line():
    body = "<h2>Регионы</h2>\n<ul><li>Новость&nbsp;дня &amp; <a href='x'>источник</a></li></ul>"
    assert describe(None, body, "сайт") == "Регионы Новость дня & источник"


def test_an_empty_page_gets_the_fallback():
    assert describe("", "<p> </p>", "Публикации Палаты") == "Публикации Палаты"


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis():
    words = " ".join(["агломерация"] * 40)
    description = describe(None, f"<p>{words}</p>", "сайт")
    assert len(description) <= DESCRIPTION_LIMIT
    assert description.endswith("агломерация…")


def test_markup_in_text_stays_text():
    assert plain_text("<p>&lt;script&gt;</p>") == "<script>"


def long_body(words_per_paragraph: int) -> str:
    paragraph = " ".join(
        ["Агломерация &amp; <b>бюджет</b> города"] * words_per_paragraph
    )
    return "<h2>Итоги</h2>\n" + "\n".join(f"<p>{n}. {paragraph}</p>" for n in range(60))


def test_a_long_text_is_described_from_its_start_as_from_the_whole():
    for words in (1, 3, 10, 40):
        body = long_body(words)
        assert len(body) > 3000
        whole = plain_text(body)
        assert describe(None, body, "сайт") == shorten(whole)


def test_the_start_of_a_long_text_reads_as_the_whole_text_begins():
    body = long_body(3)
    start = leading_text(body)
    assert len(start) < len(plain_text(body))
    assert plain_text(body).startswith(start)


def test_a_start_too_short_for_a_description_reads_the_whole_text():
    # Long markup, little text: the cut would give fewer letters than a description.
    body = "".join(f'<p><a href="/{"x" * 400}">{n}</a></p>\n' for n in range(20))
    assert leading_text(body) == plain_text(body)
