from discovery.describe import DESCRIPTION_LIMIT, describe, plain_text


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
