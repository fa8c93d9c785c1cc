from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from chamber.cities import load_cities
from chamber.fields import (
    FieldContext,
    check_fields,
    parse_date,
    related_plan_notes,
)
from chamber.plan.model import load_plans
from chamber.problems import FieldError
from chamber.sections import SECTIONS, digest_title

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ctx(tmp_path):
    (tmp_path / "meetings" / "transcripts").mkdir(parents=True)
    (tmp_path / "meetings" / "transcripts" / "zasedanie.md").write_text("Текст")
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "doklad.pdf").write_bytes(b"%PDF" + b"0" * 2044)
    (tmp_path / "files" / "Доклад.pdf").write_bytes(b"%PDF")
    return FieldContext(
        content_dir=tmp_path,
        source_dir=tmp_path / "meetings",
        cities=load_cities(),
        plans=load_plans(ROOT / "content" / "plans")[0],
    )


def check(section, ctx, **fields):
    return check_fields(fields, SECTIONS[section], ctx)


def messages(problems):
    return {field: message for field, message in problems}


def test_complete_article_has_no_problems(ctx):
    values, problems = check(
        "articles",
        ctx,
        title="Казань",
        date="2021-03-24 10:00",
        city="казань",
        plan="2021-13, 2021-14",
        sample="да",
    )
    assert problems == []
    assert values["date"] == datetime(2021, 3, 24, 10, 0)
    assert values["city"].name == "Казань"
    assert [str(ref) for ref in values["plan"]] == ["2021-13", "2021-14"]
    assert values["plan"][0].title.startswith(
        "Подготовка экспертно-аналитических статей"
    )
    assert values["sample"] is True


def test_missing_title_is_reported(ctx):
    _, problems = check("articles", ctx, date="2021-03-01")
    assert messages(problems)["title"] == "обязательное поле не заполнено."


def test_missing_date_is_reported(ctx):
    _, problems = check("articles", ctx, title="Статья")
    assert "date" in messages(problems)


@pytest.mark.parametrize("text", ["2021-02-30", "2021-13-01", "2021-04-31 10:00"])
def test_impossible_date_is_reported(text):
    with pytest.raises(FieldError, match="не существует"):
        parse_date(text)


@pytest.mark.parametrize(
    "text", ["05.01.2021", "2021/01/05", "5 января 2021", "2021-1-5"]
)
def test_non_iso_date_is_refused_with_the_format(text):
    with pytest.raises(FieldError, match="2021-03-05"):
        parse_date(text)


def test_date_with_time_is_kept():
    assert parse_date("2021-09-22 10:00") == datetime(2021, 9, 22, 10, 0)


def test_modified_before_date_is_reported(ctx):
    _, problems = check(
        "articles", ctx, title="Т", date="2021-03-10", modified="2021-03-01"
    )
    assert "раньше" in messages(problems)["modified"]


def test_unknown_plan_item_is_reported(ctx):
    _, problems = check("articles", ctx, title="Т", date="2021-03-01", plan="2021-16")
    assert "нет пункта 16" in messages(problems)["plan"]


def test_unknown_plan_year_is_reported(ctx):
    _, problems = check("articles", ctx, title="Т", date="2021-03-01", plan="2019-1")
    assert "на 2019 год нет" in messages(problems)["plan"]


def test_malformed_plan_reference_is_reported(ctx):
    _, problems = check("articles", ctx, title="Т", date="2021-03-01", plan="пункт 6")
    assert "ГОД-НОМЕР" in messages(problems)["plan"]


def test_unknown_city_suggests_the_nearest_name(ctx):
    _, problems = check(
        "articles", ctx, title="Т", date="2021-03-01", city="Екатеринбур"
    )
    assert "«Екатеринбург»" in messages(problems)["city"]


def test_city_is_not_a_field_of_digests(ctx):
    _, problems = check(
        "digests", ctx, month="2021-03", date="2021-04-01", city="Казань"
    )
    assert "нет у раздела" in messages(problems)["city"]


def test_misspelt_field_suggests_the_right_one(ctx):
    _, problems = check("articles", ctx, title="Т", date="2021-03-01", titel="Т")
    assert "«Title»" in messages(problems)["titel"]


def test_digest_without_month_is_reported(ctx):
    _, problems = check("digests", ctx, date="2021-04-01")
    assert messages(problems)["month"] == "обязательное поле не заполнено."


@pytest.mark.parametrize("month", ["2021-13", "март 2021", "2021-3", "03.2021"])
def test_malformed_month_is_reported(ctx, month):
    _, problems = check("digests", ctx, date="2021-04-01", month=month)
    assert "2021-03" in messages(problems)["month"]


def test_digest_title_comes_from_its_month(ctx):
    values, problems = check("digests", ctx, date="2021-04-01", month="2021-03")
    assert problems == []
    assert values["title"] == (
        "Дайджест новостей о развитии городских агломераций: март 2021"
    )
    assert digest_title("2021-05").endswith(": май 2021")


def test_explicit_digest_title_wins(ctx):
    values, _ = check("digests", ctx, date="2021-04-01", month="2021-03", title="Март")
    assert values["title"] == "Март"


def test_video_on_unsupported_host_is_reported(ctx):
    _, problems = check(
        "meetings",
        ctx,
        title="З",
        date="2021-09-22 10:00",
        format="ВКС",
        video="https://vimeo.com/123",
    )
    assert "vimeo.com" in messages(problems)["video"]


def test_labelled_videos_are_split(ctx):
    values, problems = check(
        "meetings",
        ctx,
        title="З",
        date="2021-09-22 10:00",
        format="вкс",
        video="Часть 1 https://youtu.be/dQw4w9WgXcQ, https://rutube.ru/video/"
        "0123456789abcdef0123456789abcdef/",
    )
    assert problems == []
    assert values["format"] == "ВКС"
    assert [(v.label, v.url[:17]) for v in values["video"]] == [
        ("Часть 1", "https://youtu.be/"),
        (None, "https://rutube.ru"),
    ]


def test_transcript_path_is_relative_to_the_meeting(ctx):
    values, problems = check(
        "meetings",
        ctx,
        title="З",
        date="2021-09-22 10:00",
        format="ВКС",
        transcript="transcripts/zasedanie.md",
    )
    assert problems == []
    assert values["transcript"] == "meetings/transcripts/zasedanie.md"


def test_missing_transcript_is_reported(ctx):
    _, problems = check(
        "meetings",
        ctx,
        title="З",
        date="2021-09-22 10:00",
        format="ВКС",
        transcript="transcripts/net.md",
    )
    assert "не найден" in messages(problems)["transcript"]


def test_transcript_outside_content_is_refused(ctx):
    _, problems = check(
        "meetings",
        ctx,
        title="З",
        date="2021-09-22 10:00",
        format="ВКС",
        transcript="../../etc/passwd",
    )
    assert "за пределы" in messages(problems)["transcript"]


def test_unknown_meeting_format_lists_the_allowed_ones(ctx):
    _, problems = check(
        "meetings", ctx, title="З", date="2021-09-22 10:00", format="онлайн"
    )
    assert "«ВКС», «очное», «смешанное»" in messages(problems)["format"]


def test_document_attachments_get_format_and_size(ctx):
    values, problems = check(
        "documents",
        ctx,
        title="Д",
        date="2021-03-30",
        kind="доклад",
        stage="утверждён",
        attachments="doklad.pdf, files/doklad.pdf",
    )
    assert problems == []
    assert values["kind"] == "Доклад"
    assert values["stage"] == "утвержден"
    first = values["attachments"][0]
    assert (first.path, first.format_label, first.size_label) == (
        "files/doklad.pdf",
        "PDF",
        "2 кБ",
    )


def test_missing_attachment_is_reported(ctx):
    _, problems = check(
        "documents",
        ctx,
        title="Д",
        date="2021-03-30",
        kind="Доклад",
        stage="проект",
        attachments="net.pdf",
    )
    assert "net.pdf" in messages(problems)["attachments"]


def test_cyrillic_attachment_name_is_refused(ctx):
    _, problems = check(
        "documents",
        ctx,
        title="Д",
        date="2021-03-30",
        kind="Доклад",
        stage="проект",
        attachments="Доклад.pdf",
    )
    assert "латинских" in messages(problems)["attachments"]


@pytest.mark.parametrize(
    ("text", "ok"),
    [("kazan-2021", True), ("Казань", False), ("kazan 2021", False), ("Kazan", False)],
)
def test_explicit_slug_must_be_latin(ctx, text, ok):
    _, problems = check("articles", ctx, title="Т", date="2021-03-01", slug=text)
    assert ("slug" not in messages(problems)) is ok


def test_unknown_status_is_reported(ctx):
    _, problems = check("articles", ctx, title="Т", date="2021-03-01", status="hidden")
    assert "draft" in messages(problems)["status"]


def test_every_problem_of_a_file_is_reported_at_once(ctx):
    _, problems = check(
        "articles", ctx, date="2021-02-30", city="Нигде", plan="2021-99"
    )
    assert set(messages(problems)) == {"title", "date", "city", "plan"}


def test_plan_item_of_another_section_is_related_not_an_error(ctx):
    values, problems = check(
        "documents",
        ctx,
        title="Д",
        date="2021-03-30",
        kind="Законопроект",
        plan="2021-7, 2021-8",
    )
    assert problems == []
    assert [(str(ref), ref.counts) for ref in values["plan"]] == [
        ("2021-7", True),
        ("2021-8", False),
    ]
    (note,) = related_plan_notes(values["plan"], SECTIONS["documents"], ctx)
    assert note.startswith("пункт 2021-8 плана подтверждается публикациями раздела")
    assert "«Заседания»" in note
    assert "не засчитывается как подтверждение" in note


def test_document_without_stage_is_accepted_and_a_bad_stage_is_not(ctx):
    fields = {"title": "Д", "date": "2021-03-30", "kind": "Материалы"}
    assert check("documents", ctx, **fields)[1] == []
    _, problems = check("documents", ctx, **fields, stage="черновик")
    assert "«проект»" in messages(problems)["stage"]


def test_meeting_without_a_start_time_is_reported(ctx):
    _, problems = check("meetings", ctx, title="З", date="2021-11-30", format="ВКС")
    assert messages(problems)["date"].startswith("у заседания нет времени начала")
    assert "2021-11-30 14:30" in messages(problems)["date"]


def test_every_bad_entry_of_a_list_field_is_reported(ctx):
    _, problems = check(
        "documents",
        ctx,
        title="Д",
        date="2021-03-30",
        kind="Доклад",
        stage="проект",
        plan="2021-99, 2019-1, 2021-7",
        attachments="net1.pdf, net2.pdf",
    )
    plan = [message for field, message in problems if field == "plan"]
    files = [message for field, message in problems if field == "attachments"]
    assert len(plan) == 2 and "2021-99" in plan[0] and "2019-1" in plan[1]
    assert len(files) == 2 and "net1.pdf" in files[0] and "net2.pdf" in files[1]


SITE = "https://palata.example.ru"


def test_a_video_file_on_another_host_is_an_error(ctx):
    (ctx.content_dir / "files" / "zasedanie.mp4").write_bytes(b"0")
    (ctx.content_dir / "files" / "zasedanie.webm").write_bytes(b"0")
    own = replace(ctx, site_url=SITE)
    videos = (
        "https://cdn.example.com/zasedanie.mp4, "
        f"{SITE}/files/zasedanie.mp4, /files/zasedanie.webm, "
        "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"
    )
    _, problems = check(
        "meetings", own, title="З", date="2021-09-22 10:00", format="ВКС", video=videos
    )
    ((field, message),) = problems
    assert field == "video"
    assert "cdn.example.com" in message
    assert "/files/" in message


@pytest.mark.parametrize("url", ["/files/net.mp4", "/../outside.mp4"])
def test_missing_video_file_names_the_link_and_the_folder(ctx, url):
    (ctx.content_dir.parent / "outside.mp4").write_bytes(b"\0")
    _, problems = check(
        "meetings", ctx, title="З", date="2021-09-22 10:00", format="ВКС", video=url
    )
    message = messages(problems)["video"]
    assert f"«{url}»" in message
    assert "content/files/" in message


@pytest.mark.parametrize("name", ["Москва", "г. Санкт-Петербург", "севастополь"])
def test_a_federal_city_is_explained_not_just_missing(ctx, name):
    _, problems = check("articles", ctx, title="Т", date="2021-03-01", city=name)
    message = messages(problems)["city"]
    assert "город федерального значения" in message
    assert "не административным центром субъекта" in message
    assert "уберите поле City" in message


@pytest.mark.parametrize(
    ("text", "seconds"), [("1:32:05", 5525), ("45:10", 2710), ("0:02:30", 150)]
)
def test_duration_is_read_in_seconds(ctx, text, seconds):
    values, problems = check(
        "meetings", ctx, title="З", date="2021-09-22 10:00", format="ВКС", duration=text
    )
    assert problems == []
    assert values["duration"] == seconds


@pytest.mark.parametrize("text", ["90 минут", "1:75:00", "0:00", "1.30.00"])
def test_bad_duration_says_how_to_write_it(ctx, text):
    _, problems = check(
        "meetings", ctx, title="З", date="2021-09-22 10:00", format="ВКС", duration=text
    )
    assert messages(problems)["duration"] == (
        f"«{text}» — не длительность видео. Пишите часы, минуты и секунды "
        "через двоеточие: 1:32:05 (или минуты и секунды: 45:10)."
    )
