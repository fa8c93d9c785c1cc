from datetime import date

import pytest

from chamber.placeholders import IMAGE_ALT_PLACEHOLDER
from word_files import WordFile, png
from word_import.errors import ImportProblem
from word_import.publication import import_publication, with_transcript_field

TODAY = date(2021, 7, 1)


def article(path):
    word = WordFile()
    word.heading("Тюмень: агломерация на юге области", 1)
    lead = word.paragraph(
        "Обычный ", ("полужирный", "bold"), " и ", ("курсив", "italic"), " текст."
    )
    word.footnote(lead, "Данные Росстата за 2020 год.")
    word.heading("Транспорт", 1)
    word.bullet("первое")
    word.bullet("второе")
    more = word.paragraph("Подробнее на ")
    word.link(more, "сайте города", "https://tyumen-city.ru/plan")
    word.table([["Показатель", "2020"], ["Население", "807 тыс."]])
    word.image("Схема агломерации", png(rgb=(1, 2, 3)))
    word.image("")
    return word.save(path)


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    return folder


def test_an_article_keeps_the_structure_and_drops_the_styling(tmp_path, content):
    report = import_publication(article(tmp_path / "a.docx"), "article", content, TODAY)
    written = (
        content / "articles" / "2021-07-01-tyumen-aglomeratsiya-na-yuge-oblasti.md"
    )
    assert written.read_text(encoding="utf-8") == (
        "Title: Тюмень: агломерация на юге области\n"
        "Date: 2021-07-01\n"
        "Status: draft\n"
        "Summary: \n"
        "Tags: \n"
        "Authors: \n"
        "City: \n"
        "\n"
        "Обычный **полужирный** и *курсив* текст.[^1]\n"
        "\n"
        "## Транспорт\n"
        "\n"
        "- первое\n"
        "- второе\n"
        "\n"
        "Подробнее на [сайте города](https://tyumen-city.ru/plan)\n"
        "\n"
        "| Показатель | 2020 |\n"
        "| --- | --- |\n"
        "| Население | 807 тыс. |\n"
        "\n"
        "![Схема агломерации](/images/tyumen-aglomeratsiya-na-yuge-oblasti-1.png)\n"
        "\n"
        f"![{IMAGE_ALT_PLACEHOLDER}](/images/tyumen-aglomeratsiya-na-yuge-oblasti-2.png)\n"
        "\n"
        "[^1]: Данные Росстата за 2020 год.\n"
    )
    assert (
        content / "images" / "tyumen-aglomeratsiya-na-yuge-oblasti-1.png"
    ).read_bytes() == png(rgb=(1, 2, 3))
    lines = report.lines()
    assert (
        "Распознано: 1 заголовок, 1 список, 1 таблица, 1 ссылка, 1 сноска, "
        "2 изображения." in lines
    )
    assert any(
        line.startswith(
            "  абзац 12: у изображения images/tyumen-aglomeratsiya-na-yuge-oblasti-2.png нет замещающего текста"
        )
        for line in lines
    ), lines


def test_the_title_comes_from_the_properties_without_a_heading(tmp_path, content):
    word = WordFile(title_property="Проект закона об агломерациях")
    word.paragraph("Текст документа.")
    import_publication(word.save(tmp_path / "d.docx"), "document", content, TODAY)
    text = (
        content / "documents" / "2021-07-01-proekt-zakona-ob-aglomeratsiyakh.md"
    ).read_text(encoding="utf-8")
    assert text.startswith("Title: Проект закона об агломерациях\n")
    assert "Kind: Материалы\nStage: \n" in text  # no stage for materials
    assert text.endswith("\n\nТекст документа.\n")


def test_a_document_without_any_title_is_refused(tmp_path, content):
    word = WordFile()
    word.paragraph("Только текст.")
    with pytest.raises(ImportProblem, match="у документа нет заголовка"):
        import_publication(word.save(tmp_path / "d.docx"), "meeting", content, TODAY)
    assert list(content.iterdir()) == []


def digest(path):
    word = WordFile()
    word.heading("Дайджест новостей за апрель 2021 года")
    word.heading("Нормативные правовые акты", 2)
    item = word.bullet("Принят закон о городских агломерациях. ")
    word.link(item, "Источник", "https://publication.pravo.gov.ru/doc")
    word.bullet("Новость с голым адресом: https://example.ru/news-1.")
    word.heading("Регионы", 2)
    word.paragraph("Новость абзацем, источник — следующим абзацем.")
    word.paragraph("Источник: https://tatarstan.ru/news")
    word.paragraph("Новость без источника.")
    return word.save(path)


def test_a_digest_gets_rubrics_and_news_with_their_sources(tmp_path, content):
    report = import_publication(digest(tmp_path / "d.docx"), "digest", content, TODAY)
    text = (content / "digests" / "2021-04.md").read_text(encoding="utf-8")
    assert text.startswith("Month: 2021-04\nDate: 2021-07-01\nStatus: draft\n")
    assert "Title" not in text  # a digest is named after its month
    assert text.endswith(
        "\n"
        "## Нормативные правовые акты\n"
        "\n"
        "- Принят закон о городских агломерациях. [Источник](https://publication.pravo.gov.ru/doc)\n"
        "- Новость с голым адресом [Источник](https://example.ru/news-1)\n"
        "\n"
        "## Регионы\n"
        "\n"
        "- Новость абзацем, источник — следующим абзацем. [Источник](https://tatarstan.ru/news)\n"
        "- Новость без источника.\n"
    )
    assert "Распознано: 2 рубрики, 4 новости, 0 изображений." in report.lines()
    assert report.unplaced == [
        "абзац 8: у новости «Новость без источника.» не найдена ссылка на "
        "источник; добавьте «[Источник](https://…)»."
    ]


def test_a_digest_needs_a_month(tmp_path, content):
    word = WordFile()
    word.heading("Регионы", 2)
    word.bullet("Новость https://example.ru/")
    with pytest.raises(ImportProblem, match="--month 2021-04"):
        import_publication(word.save(tmp_path / "d.docx"), "digest", content, TODAY)


def test_nothing_is_overwritten_without_force(tmp_path, content):
    source = digest(tmp_path / "d.docx")
    (content / "digests").mkdir()
    existing = content / "digests" / "2021-04.md"
    existing.write_text("Month: 2021-04\n", encoding="utf-8")
    with pytest.raises(
        ImportProblem, match=r"уже есть файлы: .*2021-04\.md\. Ничего не записано"
    ):
        import_publication(source, "digest", content, TODAY)
    assert existing.read_text(encoding="utf-8") == "Month: 2021-04\n"
    import_publication(source, "digest", content, TODAY, force=True)
    assert "## Регионы" in existing.read_text(encoding="utf-8")


def test_an_unknown_kind_is_named(tmp_path, content):
    with pytest.raises(ImportProblem, match="неизвестный вид публикации «news»"):
        import_publication(tmp_path / "x.docx", "news", content, TODAY)


def test_only_the_transcript_line_of_a_meeting_changes():
    meeting = (
        "Title: З\r\nTranscript: \r\nPlan: 2021-10\r\n\r\nTranscript: в тексте\r\n"
    )
    changed, previous = with_transcript_field(meeting, "transcripts/z.md")
    assert previous == ""
    assert changed == meeting.replace(
        "Transcript: \r\n", "Transcript: transcripts/z.md\r\n", 1
    )
    added, _ = with_transcript_field("Title: З\n\nТекст\n", "transcripts/z.md")
    assert added == "Title: З\nTranscript: transcripts/z.md\n\nТекст\n"
