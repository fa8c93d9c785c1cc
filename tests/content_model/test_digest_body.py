from markdown import Markdown

from content_model.digest_body import digest_body_problems


def body(markdown_text):
    return Markdown(extensions=["extra"]).convert(markdown_text)


def test_a_digest_with_rubrics_and_sourced_news_passes():
    text = "## Регионы\n\n- Новость. [Источник](https://example.ru/)\n"
    assert digest_body_problems(body(text)) == []


def test_a_digest_without_rubrics_is_reported():
    problems = digest_body_problems(body("- Новость. [Источник](https://e.ru/)\n"))
    assert [m for m, _ in problems] == [problems[0][0]]
    assert "нет рубрик" in problems[0][0]


def test_a_digest_without_news_items_is_reported():
    problems = digest_body_problems(body("## Регионы\n\nПросто абзац.\n"))
    assert "нет новостей" in problems[0][0]


def test_news_without_a_source_is_named():
    text = "## Регионы\n\n- Новость со ссылкой. [Источник](https://e.ru/)\n- Новость без источника.\n"
    ((message, news),) = digest_body_problems(body(text))
    assert "«Новость без источника.»" in message
    assert news == "Новость без источника."
