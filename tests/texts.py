"""Fixture texts that more than one test file reads, in one place.

Whole fixture sites live in tests/fixtures/sites/<case>/ and further plan files in
tests/fixtures/plans/; the short texts tests write themselves are made here.
"""

from pathlib import Path

FIXTURE_PLANS = Path(__file__).parent / "fixtures" / "plans"


def publication(body: str = "Текст.", **fields: str) -> str:
    """A Markdown publication: its header fields in the order given, then the body."""
    header = "".join(f"{name}: {value}\n" for name, value in fields.items())
    return f"{header}\n{body}\n"


# A preamble, then three turns: a role after the name, a time as mm:ss, and speech
# on the same line as the name.
KIROV_MEETING_TRANSCRIPT = """\
Стенограмма заседания Палаты городов-центров

г. Киров, 25 марта 2021 г.

**Иванов Иван Иванович, председатель Палаты, глава города Кирова** [00:01:05]
Уважаемые коллеги!

Открываем заседание.

**Петрова Анна Сергеевна, глава города Вологды** [12:30]
Спасибо. Вопрос о бюджете.

**Иванов Иван Иванович** [01:02:03] Переходим ко второму вопросу.
"""
