"""End to end: a broken transcript or video stops the build with the file and line."""

import pytest

from sitebuild import build, copy_fixture_site

TRANSCRIPT = "meetings/transcripts/oshibki.md"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("meetings_broken_transcript")
    return build(
        copy_fixture_site("meetings_broken_transcript", folder), folder / "output"
    )


def test_the_build_fails(site):
    assert site.result.returncode != 0
    assert "Найдено: 6\u00a0ошибок в 3\u00a0файлах" in site.log


def test_a_time_out_of_range_is_reported_with_file_and_line(site):
    assert (
        f"{TRANSCRIPT}:6: В отметке времени «1:75:00» минуты и секунды должны быть "
        "меньше 60"
    ) in site.log


def test_an_unclosed_header_is_reported_with_file_and_line(site):
    assert f"{TRANSCRIPT}:9: Не закрыто выделение «**» в заголовке реплики" in site.log


def test_a_time_in_round_brackets_is_reported_with_file_and_line(site):
    assert (
        f"{TRANSCRIPT}:17: Отметка времени «(00:30:00)» не прочитана: время "
        "пишется в квадратных скобках"
    ) in site.log


def test_a_script_link_is_reported_at_its_line(site):
    assert f"{TRANSCRIPT}:15: ссылка «javascript:alert(1)» запускает программу" in (
        site.log
    )


def test_a_time_going_backwards_is_a_warning_not_an_error(site):
    assert f"{TRANSCRIPT}:12: предупреждение (сборка продолжается): Время" in site.log


def test_an_empty_transcript_is_an_error(site):
    assert "meetings/transcripts/pustaya.md: файл пуст." in site.log


def test_a_video_file_on_another_host_is_an_error(site):
    assert (
        "meetings/chuzhoy-fayl.md: поле «Video»: видеофайл "
        "«https://cdn.example.com/zasedanie.mp4» лежит на другом сайте"
    ) in site.log
