from markdown import Markdown

from chamber.digest_body import Rubric, digest_body_problems, digest_outline
from chamber.russian.slugs import slugify


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


def test_outline_counts_the_news_of_each_rubric():
    text = (
        "## Федеральный уровень\n\n- Один. [И](https://a.ru/)\n- Два. [И](https://b.ru/)\n\n"
        "## Регионы\n\n- Три. [И](https://c.ru/)\n"
    )
    html = Markdown(
        extensions=["extra", "toc"], extension_configs={"toc": {"slugify": slugify}}
    ).convert(text)
    assert digest_outline(html) == [
        Rubric("federalnyy-uroven", "Федеральный уровень", 2),
        Rubric("regiony", "Регионы", 1),
    ]
