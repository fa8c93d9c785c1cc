"""Bad input: every problem named with its file and field, and the site kept as it was."""

import pytest

from sitebuild import (
    PUBLISHED_PAGE,
    build,
    copy_fixture_site,
    run_invoke,
    tree_digest,
)

# (file, the start of its message) for every case in tests/fixtures/sites/bad_input.
CASES = {
    "missing_title": ("articles/missing-title.md", "поле «Title»: обязательное поле"),
    "impossible_date": (
        "articles/impossible-date.md",
        "поле «Date»: даты «2021-02-30» не существует",
    ),
    "date_not_iso": ("articles/dotted-date.md", "поле «Date»: «05.01.2021» — не дата"),
    "unknown_plan_item": (
        "articles/unknown-plan-item.md",
        "поле «Plan»: в плане на 2021 год нет пункта 16",
    ),
    "unknown_plan_year": (
        "articles/unknown-plan-year.md",
        "поле «Plan»: плана работы на 2019 год нет",
    ),
    "digest_without_month": ("digests/no-month.md", "поле «Month»: обязательное поле"),
    "two_digests_one_month": (
        "digests/2021-05.md",
        "поле «Month»: за этот месяц уже есть дайджест: digests/2021-05-copy.md",
    ),
    "two_digests_one_month_other": (
        "digests/2021-05-copy.md",
        "поле «Month»: за этот месяц уже есть дайджест: digests/2021-05.md",
    ),
    "unsupported_video_host": (
        "meetings/vimeo.md",
        "поле «Video»: Ссылка на видео «https://vimeo.com/123456» не поддерживается",
    ),
    "missing_transcript": (
        "meetings/missing-transcript.md",
        "поле «Transcript»: файл стенограммы «transcripts/net-takogo.md» не найден",
    ),
    "missing_attachment": (
        "documents/missing-attachment.md",
        "поле «Attachments»: файл «doklad.pdf» не найден",
    ),
    "unknown_city": (
        "articles/unknown-city.md",
        "поле «City»: города «Екатеринбур» нет",
    ),
    "windows_1251": (
        "articles/windows-1251.md",
        "файл сохранён в кодировке Windows-1251",
    ),
    "empty_file": ("articles/empty.md", "файл пуст"),
    "javascript_link": (
        "articles/javascript-link.md:4",
        "в тексте ссылка «javascript:alert(1)» запускает программу",
    ),
    "unknown_field": ("articles/unknown-field.md", "поле «Citi»: такого поля нет"),
    "word_file_in_a_section": ("articles/otchet.docx", "Файл Word не публикуется"),
    "page_on_a_section_address": (
        "pages/zanyatyy-adres.md",
        "поле «Slug»: адрес «/cities/» занят разделом сайта",
    ),
    "page_on_the_search_index_folder": (
        "pages/na-meste-poiska.md",
        "поле «Slug»: адрес «/pagefind/» занят разделом сайта",
    ),
    "page_on_the_web_editor_folder": (
        "pages/na-meste-redaktora.md",
        "поле «Slug»: адрес «/admin/» занят разделом сайта",
    ),
    "digest_without_rubrics": ("digests/2021-07.md", "в дайджесте нет рубрик"),
    "meeting_without_a_time": (
        "meetings/no-time.md",
        "поле «Date»: у заседания нет времени начала",
    ),
    "federal_city": (
        "articles/moskva.md",
        "поле «City»: Москва — город федерального значения",
    ),
    "russian_field_name": (
        "articles/russian-field.md:2",
        "поле «Заголовок»: названия полей пишутся по-английски: пишите «Title: …»",
    ),
    "repeated_field": (
        "articles/two-titles.md:3",
        "поле «Title»: поле указано дважды (строки 1 и 3)",
    ),
    "news_without_source": (
        "digests/2021-07.md:4",
        "у новости «Новость без рубрики и без источника.» нет ссылки на источник",
    ),
}


@pytest.fixture(scope="module")
def failed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad_input")
    content = copy_fixture_site("bad_input", folder)
    output = folder / "output"
    (output / "articles").mkdir(parents=True)
    (output / "index.html").write_text(PUBLISHED_PAGE, encoding="utf-8")
    (output / "articles" / "old.html").write_bytes(b"\x00old")
    before = tree_digest(output)
    built = build(content, output)
    checked = run_invoke("check", "--content", str(content))
    return built, checked, before


@pytest.mark.parametrize("case", CASES)
def test_build_names_the_file_and_field(failed, case):
    built, _, _ = failed
    path, message = CASES[case]
    assert f"{path}: {message}" in built.log


@pytest.mark.parametrize("case", CASES)
def test_check_gives_the_same_message(failed, case):
    _, checked, _ = failed
    path, message = CASES[case]
    assert f"{path}: {message}" in checked.stdout + checked.stderr


def test_build_and_check_fail(failed):
    built, checked, _ = failed
    assert built.result.returncode != 0
    assert checked.returncode != 0


def test_all_problems_are_reported_in_one_run(failed):
    built, _, _ = failed
    assert "Найдено: 27\u00a0ошибок в 25\u00a0файлах." in built.log
    assert "articles/good.md" not in built.log


def test_failed_build_leaves_the_output_as_it_was(failed):
    built, _, before = failed
    assert tree_digest(built.output) == before
    assert "не изменён" in built.log
    leftovers = [
        p.name for p in built.output.parent.iterdir() if p.name.startswith(".")
    ]
    assert leftovers == []


def test_successful_build_replaces_the_output(site_copy, build_site, tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    # A site an earlier build wrote, before releases: replaced once by a link.
    (output / "index.html").write_text("old")
    (output / "stale.html").write_text("old")
    built = build_site(site_copy("every_field"), output=output)
    assert built.result.returncode == 0, built.log
    assert not (output / "stale.html").exists()
    assert (output / "index.html").read_text(encoding="utf-8") != "old"


def test_check_passes_on_good_content(site_copy):
    result = run_invoke("check", "--content", str(site_copy("every_field")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ошибок нет" in result.stdout


def test_two_builds_are_byte_identical(site_copy, build_site, tmp_path):
    content = site_copy("every_field")
    first = build_site(content, output=tmp_path / "first")
    second = build_site(content, output=tmp_path / "second")
    assert first.result.returncode == second.result.returncode == 0
    assert tree_digest(first.output) == tree_digest(second.output)
