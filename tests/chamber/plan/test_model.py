import datetime
import json
from pathlib import Path

import pytest

from chamber.plan.model import (
    ManualEvidence,
    PlanFileError,
    load_plan,
    load_plans,
    parse_plan_ref,
)
from sitebuild import ROOT

SHIPPED_PLANS = ROOT / "content" / "plans"
# The plan as the Chamber circulated it; the shipped TOML is transcribed from it.
SEED = Path(__file__).parent / "data" / "plan-2021-seed.txt"

HEADER = """\
year = 2021
title = "План"
document_status = "Проект"

[[sections]]
number = 1
title = "Раздел"
"""


def item_toml(number: int, **fields: object) -> str:
    """A valid one-off item; a field set to None is left out."""
    values = {
        "number": number,
        "section": 1,
        "title": "Пункт",
        "deadline": "март",
        "result": "Итог",
        "schedule": "once",
        "months": [3, 3],
        "evidence": ["meetings"],
    } | fields
    lines = [
        f"{key} = {json.dumps(value, ensure_ascii=False)}"
        for key, value in values.items()
        if value is not None
    ]
    return "\n[[items]]\n" + "\n".join(lines) + "\n"


def write_plan(folder: Path, *items: str, name: str = "2021.toml") -> Path:
    path = folder / name
    path.write_text(HEADER + "".join(items), encoding="utf-8")
    return path


def collapse(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def shipped_plan():
    plans, errors = load_plans(SHIPPED_PLANS)
    assert errors == []
    return plans[2021]


def test_shipped_plan_has_15_items_in_4_sections(shipped_plan):
    assert shipped_plan.year == 2021
    assert [section.number for section in shipped_plan.sections] == [1, 2, 3, 4]
    assert [item.number for item in shipped_plan.items] == list(range(1, 16))
    assert {item.section for item in shipped_plan.items} == {1, 2, 3, 4}


def test_shipped_plan_text_is_verbatim_from_the_seed(shipped_plan):
    seed = collapse(SEED.read_text(encoding="utf-8"))
    assert collapse(shipped_plan.title) in seed
    assert collapse(shipped_plan.document_status) in seed
    for section in shipped_plan.sections:
        assert collapse(section.title) in seed, section.number
    for item in shipped_plan.items:
        for text in (item.title, item.deadline, item.result):
            assert collapse(text) in seed, (item.number, text)


def test_shipped_plan_keeps_the_line_break_between_sentences(shipped_plan):
    item_10 = shipped_plan.items[9]
    assert item_10.result.endswith(
        "агломераций.\nВидеозапись заседания и стенограмма опубликованы на сайте "
        "Конгресса."
    )


def test_shipped_plan_rules(shipped_plan):
    rules = {
        item.number: (item.schedule, item.months, item.evidence, item.requires)
        for item in shipped_plan.items
    }
    assert rules[2] == ("once", (2, 3), ("documents",), ())
    assert rules[9] == ("once", (4, 12), ("documents",), ())
    assert rules[10] == ("once", (9, 9), ("meetings",), ("video", "transcript"))
    assert rules[13] == ("quarterly", None, ("articles",), ("city",))
    assert rules[14] == ("year", None, ("articles",), ())
    assert rules[15] == ("monthly", None, ("digests",), ())


def test_load_plan_reads_manual_evidence(tmp_path):
    path = write_plan(
        tmp_path,
        item_toml(1)
        + '[[items.manual_evidence]]\ntitle = "Доклад на сайте Конгресса"\n'
        'url = "https://example.org/doklad"\ndate = 2021-05-01\n',
    )
    (item,) = load_plan(path).items
    assert item.count == 1
    assert item.manual_evidence == (
        ManualEvidence(
            "Доклад на сайте Конгресса",
            "https://example.org/doklad",
            datetime.date(2021, 5, 1),
        ),
    )


def test_unknown_schedule_names_the_file_item_and_field(tmp_path):
    path = write_plan(tmp_path, item_toml(7, schedule="weekly"))
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert str(error.value) == (
        f"{path}: пункт 7: поле «schedule» должно быть одним из "
        "once, monthly, quarterly, year"
    )


def test_month_13_names_the_file_item_and_field(tmp_path):
    path = write_plan(tmp_path, item_toml(4, months=[12, 13]))
    with pytest.raises(PlanFileError, match=r"2021\.toml: пункт 4: поле «months»"):
        load_plan(path)


def test_duplicate_item_number_names_the_file_item_and_field(tmp_path):
    path = write_plan(tmp_path, item_toml(3), item_toml(3))
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert str(error.value) == f"{path}: пункт 3: поле «number» повторяет номер пункта"


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (item_toml(2, section=5), "пункт 2: поле «section»: раздела 5 нет в плане"),
        (item_toml(2, evidence=["news"]), "пункт 2: поле «evidence» должно быть"),
        (item_toml(2, evidence=[]), "пункт 2: поле «evidence» не должно быть пустым"),
        (item_toml(2, requires=["audio"]), "пункт 2: поле «requires» должно быть"),
        (item_toml(2, require=["video"]), "пункт 2: неизвестное поле «require»"),
        (item_toml(2, title=""), "пункт 2: поле «title» должно быть непустой"),
        (item_toml(2, result=None), "пункт 2: нет обязательного поля «result»"),
        (item_toml(2, months=None), "пункт 2: нет поля «months»"),
        (item_toml(2, months=[5, 3]), "пункт 2: поле «months» должно быть парой"),
        (
            item_toml(2, schedule="monthly"),
            "пункт 2: поле «months» нужно только при schedule = once",
        ),
        (
            item_toml(2, schedule="year", months=None, count=2),
            "пункт 2: поле «count» нужно только при schedule = once",
        ),
        (item_toml(2, count=0), "пункт 2: поле «count» должно быть целым числом"),
        (item_toml(True), "1-й пункт [[items]]: поле «number» должно быть целым"),
    ],
)
def test_invalid_item_field_is_named(tmp_path, item, message):
    path = write_plan(tmp_path, item)
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert str(error.value).startswith(f"{path}: {message}")


def test_manual_evidence_date_in_quotes_is_refused(tmp_path):
    path = write_plan(
        tmp_path,
        item_toml(1) + '[[items.manual_evidence]]\ntitle = "Доклад"\n'
        'url = "https://example.org/doklad"\ndate = "01.05.2021"\n',
    )
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert str(error.value) == (
        f"{path}: пункт 1: ручное подтверждение 1: поле «date» должно быть датой "
        "ГГГГ-ММ-ДД без кавычек"
    )


def test_toml_syntax_error_names_the_file(tmp_path):
    path = tmp_path / "2021.toml"
    path.write_text('year = 2021\ntitle = "План\n', encoding="utf-8")
    with pytest.raises(PlanFileError, match=r"2021\.toml: ошибка синтаксиса TOML"):
        load_plan(path)


def test_every_problem_of_a_file_is_reported_at_once(tmp_path):
    path = write_plan(
        tmp_path,
        item_toml(1, schedule="weekly", title=""),
        item_toml(2, section=5, require=["video"]),
        item_toml(2),
        item_toml(3) + '[[items.manual_evidence]]\ntitle = "Доклад"\n'
        'url = "sozd.duma.gov.ru"\ndate = "01.05.2021"\n',
    )
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert error.value.details == (
        "пункт 1: поле «title» должно быть непустой строкой",
        "пункт 1: поле «schedule» должно быть одним из once, monthly, quarterly, year",
        "пункт 2: неизвестное поле «require»",
        "пункт 2: поле «section»: раздела 5 нет в плане",
        "пункт 2: поле «number» повторяет номер пункта",
        "пункт 3: ручное подтверждение 1: поле «url» должно быть полным адресом, "
        "начинающимся с http:// или https://",
        "пункт 3: ручное подтверждение 1: поле «date» должно быть датой ГГГГ-ММ-ДД "
        "без кавычек",
    )
    assert str(error.value) == f"{path}: " + "; ".join(error.value.details)


def test_a_wrong_schedule_does_not_also_blame_the_months(tmp_path):
    path = write_plan(tmp_path, item_toml(1, schedule="weekly", months=None))
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert len(error.value.details) == 1


def test_items_of_a_section_with_a_bad_title_are_not_told_it_is_missing(tmp_path):
    path = tmp_path / "2021.toml"
    path.write_text(
        HEADER.replace('title = "Раздел"', 'title = ""') + item_toml(1),
        encoding="utf-8",
    )
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert error.value.details == (
        "раздел 1: поле «title» должно быть непустой строкой",
    )


def test_unreadable_sections_do_not_make_every_item_wrong(tmp_path):
    path = tmp_path / "2021.toml"
    path.write_text(
        'year = 2021\ntitle = "План"\ndocument_status = "Проект"\n'
        'sections = "Раздел"\n' + item_toml(1),
        encoding="utf-8",
    )
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert error.value.details == (
        "поле «sections» должно быть списком таблиц [[sections]]",
    )


def test_manual_evidence_may_be_on_a_plain_http_site(tmp_path):
    path = write_plan(
        tmp_path,
        item_toml(1) + '[[items.manual_evidence]]\ntitle = "Доклад"\n'
        'url = "http://example.org/doklad"\ndate = 2021-05-01\n',
    )
    (item,) = load_plan(path).items
    assert item.manual_evidence[0].url == "http://example.org/doklad"


def test_utf8_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "2021.toml"
    path.write_bytes((HEADER + item_toml(1)).encode("utf-8-sig"))
    assert load_plan(path).title == "План"


def test_windows_1251_file_is_refused_in_russian(tmp_path):
    path = tmp_path / "2021.toml"
    path.write_bytes((HEADER + item_toml(1)).encode("cp1251"))
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert str(error.value).startswith(
        f"{path}: файл сохранён в кодировке Windows-1251, а нужна UTF-8. "
        "Сохраните его в кодировке UTF-8"
    )
    assert error.value.year == 2021


def test_other_non_utf8_file_is_refused_in_russian(tmp_path):
    path = tmp_path / "2021.toml"
    path.write_bytes((HEADER + item_toml(1)).encode("utf-16"))
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert str(error.value).startswith(
        f"{path}: файл не в кодировке UTF-8. Сохраните его в кодировке UTF-8"
    )


def test_load_plans_keys_plans_by_year(tmp_path):
    write_plan(tmp_path, item_toml(1))
    plans, errors = load_plans(tmp_path)
    assert (list(plans), errors) == ([2021], [])


def test_a_plan_file_named_after_another_year_is_an_error(tmp_path):
    path = write_plan(tmp_path, item_toml(1), name="2022.toml")
    plans, (error,) = load_plans(tmp_path)
    assert plans == {}
    assert str(error) == (
        f"{path}: имя файла должно совпадать с годом плана: 2021.toml"
    )


def test_one_bad_file_does_not_hide_the_other_plans(tmp_path):
    write_plan(tmp_path, item_toml(1))
    broken = tmp_path / "2022.toml"
    broken.write_text('year = 2022\ntitle = "План\n', encoding="utf-8")
    misnamed = write_plan(tmp_path, item_toml(1), name="2023.toml")
    plans, errors = load_plans(tmp_path)
    assert list(plans) == [2021]
    assert [(error.path, error.year) for error in errors] == [
        (broken, 2022),
        (misnamed, 2023),
    ]
    assert errors[0].detail.startswith("ошибка синтаксиса TOML")
    assert errors[1].details == ("имя файла должно совпадать с годом плана: 2021.toml",)


def test_file_not_named_for_a_year_has_no_year(tmp_path):
    path = write_plan(tmp_path, item_toml(1), name="plan-2021.toml")
    (error,) = load_plans(tmp_path)[1]
    assert (error.path, error.year) == (path, None)


def test_no_folder_no_plans(tmp_path):
    assert load_plans(tmp_path / "plans") == ({}, [])


@pytest.mark.parametrize(
    ("ref", "expected"), [("2021-6", (2021, 6)), (" 2021-15 ", (2021, 15))]
)
def test_parse_plan_ref(ref, expected):
    assert parse_plan_ref(ref) == expected


@pytest.mark.parametrize(
    "ref", ["2021", "2021-", "21-6", "2021-0", "2021/6", "пункт 6"]
)
def test_parse_plan_ref_refuses_malformed_ref(ref):
    with pytest.raises(ValueError) as error:
        parse_plan_ref(ref)
    assert str(error.value) == (
        f"ссылка на пункт плана «{ref}» должна иметь вид ГОД-НОМЕР, например 2021-6"
    )
