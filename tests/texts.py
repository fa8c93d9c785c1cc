"""Fixture texts that more than one test file reads, in one place.

Whole fixture sites live in tests/fixtures/sites/<case>/ and further plan files in
tests/fixtures/plans/; the short texts tests write themselves are made here.
"""

from datetime import date
from pathlib import Path

from chamber.plan.status import Publication

FIXTURE_PLANS = Path(__file__).parent / "fixtures" / "plans"
# The sample content's work plan, which the plan's unit tests judge.
SAMPLE_PLAN_2021 = Path(__file__).parents[1] / "content" / "plans" / "2021.toml"

# Evidence for items 1 and 6 of that plan.
INAUGURAL_MEETING = Publication(
    title="Установочное заседание тематической группы",
    url="https://example.org/meetings/2021-02-16/",
    date=date(2021, 2, 16),
    section="meetings",
    plan_refs=("2021-1", "2021-6"),
    published=True,
)


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
