import pytest

from chamber.meetings.plain_text import paragraph_text, to_plain_text
from chamber.transcript import parse_transcript
from texts import KIROV_MEETING_TRANSCRIPT as MEETING


def test_plain_text_download():
    assert to_plain_text(parse_transcript(MEETING), "Заседание 25 марта 2021 г.") == (
        "Заседание 25 марта 2021 г.\n"
        "\n"
        "Стенограмма заседания Палаты городов-центров\n"
        "\n"
        "г. Киров, 25 марта 2021 г.\n"
        "\n"
        "Иванов Иван Иванович, председатель Палаты, глава города Кирова [00:01:05]\n"
        "Уважаемые коллеги!\n"
        "\n"
        "Открываем заседание.\n"
        "\n"
        "Петрова Анна Сергеевна, глава города Вологды [00:12:30]\n"
        "Спасибо. Вопрос о бюджете.\n"
        "\n"
        "Иванов Иван Иванович [01:02:03]\n"
        "Переходим ко второму вопросу.\n"
    )


def test_plain_text_has_no_markdown_in_preamble_or_speech():
    transcript = parse_transcript(
        "Вступление с *курсивом*.\n\n"
        "**Иванов И. И.** [00:00:05]\n"
        "Это *очень* __важно__: [закон](https://example.ru/131-fz) & R&amp;D."
    )
    assert to_plain_text(transcript, "Заседание") == (
        "Заседание\n\n"
        "Вступление с курсивом.\n\n"
        "Иванов И. И. [00:00:05]\n"
        "Это очень важно: закон & R&D.\n"
    )


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Добрый день.", "Добрый день."),
        ("Это *важно* и **очень**.", "Это важно и очень."),
        ("Ссылка [на сайт](https://example.ru).", "Ссылка на сайт."),
        ("R&amp;D, a < b & c > d", "R&D, a < b & c > d"),
        ("&amp;amp;", "&amp;"),
        ("`*код*`", "*код*"),
        ("Первая строка\nи вторая.", "Первая строка\nи вторая."),
        ("Строка  \nпосле разрыва.", "Строка\nпосле разрыва."),
        ("1. Первое\n2. Второе", "1. Первое\n2. Второе"),
        ("3. Третье\n4. Четвёртое", "3. Третье\n4. Четвёртое"),
        ("- раз\n- два", "— раз\n— два"),
        ("> Цитата *из закона*.", "Цитата из закона."),
        ("| Город | Бюджет |\n|---|---|\n| Киров | 10 |", "Город Бюджет\nКиров 10"),
    ],
)
def test_a_paragraph_as_plain_text(text, plain):
    assert paragraph_text(text) == plain


def test_plain_text_of_untimed_turn_without_text():
    transcript = parse_transcript("**Голос из зала**")
    assert to_plain_text(transcript, "Заседание") == "Заседание\n\nГолос из зала\n"


def test_plain_text_of_empty_transcript_is_the_title():
    assert to_plain_text(parse_transcript(""), "Заседание") == "Заседание\n"
