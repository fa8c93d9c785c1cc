import pytest

from chamber.transcript import parse_transcript
from word_files import WordFile, stenogram
from word_import.markup import parse
from word_import.source import read_docx
from word_import.transcript import Person, convert_transcript, read_person


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("ИВАНОВ И.И.", "Иванов И. И."),
        ("Иванов И. И.", "Иванов И. И."),
        ("И.И. Иванов", "Иванов И. И."),
        ("РИМСКИЙ-КОРСАКОВ Н.А.", "Римский-Корсаков Н. А."),
        ("Иванов Иван Иванович", "Иванов Иван Иванович"),
        ("ПЕТРОВА Анна Сергеевна", "Петрова Анна Сергеевна"),
    ],
)
def test_names_as_transcripts_write_them(typed, name):
    assert read_person(typed).name == name


@pytest.mark.parametrize("typed", ["Коллеги", "Вопросы к докладчику", "Москва Россия"])
def test_other_words_are_not_names(typed):
    assert read_person(typed) is None


def test_full_name_and_initials_are_one_person():
    assert (
        read_person("Воронцов Игорь Сергеевич").key == read_person("ВОРОНЦОВ И.С.").key
    )
    assert read_person("Воронцов И.С.") == Person("Воронцов", "И. С.", None)


def converted(path):
    return convert_transcript(list(parse(read_docx(path).html).blocks))


def test_a_real_world_transcript(tmp_path):
    result = converted(stenogram(tmp_path / "s.docx", extra_turns=30))
    paragraphs = result.markdown.split("\n\n")
    assert paragraphs[:4] == [
        "СТЕНОГРАММА",
        "тематического заседания Палаты городов-центров субъектов Российской Федерации",
        "г. Москва, 22 сентября 2021 года, режим видео-конференц-связи",
        "Председательствует: Воронцов Игорь Сергеевич, председатель Палаты.",
    ]
    assert paragraphs[4:14] == [
        "**Воронцов Игорь Сергеевич, председательствующий** [00:00:12]\n"
        "Добрый день, уважаемые коллеги! Начинаем заседание Палаты.",
        "На повестке два вопроса: планирование агломераций и управление ими.",
        "**Иванов Иван Иванович** [00:03:40]\n"
        "Спасибо, Игорь Сергеевич. Тюмень готовит совместный генеральный план.",
        "**Иванов Иван Иванович, глава города Тюмени**\n"
        "Добавлю: у нас 12 муниципальных образований в агломерации.",
        "**Воронцов Игорь Сергеевич**\nСпасибо. Слово Анне Сергеевне Петровой.",
        "**Петрова Анна Сергеевна, глава города Вологды** [00:12:05]\n"
        "Коллеги, у нас опыт скромнее, но показательный.",
        "Первое — транспорт. Второе — градостроительные нормы.",
        "**Воронцов Игорь Сергеевич, председательствующий**\nВопросы к докладчику?",
        "**Сидоров Пётр Андреевич** [00:25:30]\nВопрос о финансировании.",
        "**Петрова Анна Сергеевна**\nФинансирование — из регионального бюджета.",
    ]
    assert paragraphs[-3:] == [
        "**Петрова Анна Сергеевна**\nРеплика номер 30 в обсуждении.",
        "(Аплодисменты.)",
        # A time on its own line belongs to the speaker after it.
        "**Воронцов Игорь Сергеевич** [01:30:00]\nЗаседание закрыто. Спасибо!\n",
    ]
    assert result.turns == 41
    assert dict(result.speakers) == {
        "Воронцов Игорь Сергеевич": 5,
        "Иванов Иван Иванович": 17,
        "Петрова Анна Сергеевна": 17,
        "Сидоров Пётр Андреевич": 2,
    }
    assert result.times == 6
    assert result.unplaced == []
    # The site's own parser reads what was written, turn for turn, without a problem.
    parsed = parse_transcript(result.markdown)
    assert len(parsed.turns) == 41
    assert parsed.problems == ()
    assert len(parsed.preamble) == 4


def test_what_cannot_be_placed_is_listed_with_its_paragraph(tmp_path):
    word = WordFile()
    word.paragraph("ИВАНОВ И.И.: Начнём.")
    word.image("Слайд")
    word.paragraph("Текст.")
    word.paragraph("[00:10:00]")
    word.paragraph("Ещё текст.")
    word.paragraph(("Петров П.П.", "bold"))
    result = converted(word.save(tmp_path / "s.docx"))
    assert result.unplaced == [
        "абзац 2: изображение в стенограмме не переносится.",
        "абзац 4: отметка времени [00:10:00] стоит не перед репликой; время не перенесено.",
        "абзац 6: у реплики «Петров П. П.» нет текста.",
    ]


def test_speech_that_starts_in_bold_stays_speech(tmp_path):
    word = WordFile()
    word.paragraph("ИВАНОВ И.И.: Начнём.")
    word.paragraph(("Важно:", "bold"), " это не имя.")
    result = converted(word.save(tmp_path / "s.docx"))
    assert result.markdown == "**Иванов И. И.**\nНачнём.\n\n__Важно:__ это не имя.\n"
