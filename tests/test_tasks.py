from datetime import date

import pytest
from invoke import Exit

from sitebuild import run_invoke
from tasks import parse_as_of, site_day


def test_as_of_is_an_iso_date():
    assert parse_as_of("2021-06-30") == date(2021, 6, 30)


@pytest.mark.parametrize("text", ["30.06.2021", "2021-02-30", "вчера"])
def test_bad_as_of_is_explained_in_russian(text):
    with pytest.raises(Exit, match="ГГГГ-ММ-ДД"):
        parse_as_of(text)


def test_new_digest_writes_a_draft_that_passes_the_check(site_copy):
    content = site_copy("every_field")
    result = run_invoke(
        "new", "digest", "--month", "2021-06", "--content", str(content)
    )
    assert result.returncode == 0, result.stderr
    created = content / "digests" / "2021-06.md"
    assert "Month: 2021-06" in created.read_text(encoding="utf-8")
    check = run_invoke("check", "--content", str(content))
    assert check.returncode == 0, check.stdout + check.stderr


def test_new_refuses_to_overwrite(site_copy):
    content = site_copy("every_field")
    result = run_invoke(
        "new", "digest", "--month", "2021-03", "--content", str(content)
    )
    assert result.returncode != 0
    assert "уже есть" in result.stderr


def test_a_missing_content_folder_is_named_in_russian(tmp_path):
    result = run_invoke("check", "--content", str(tmp_path / "net"))
    assert result.returncode != 0
    assert f"Папка с материалами «{tmp_path / 'net'}» не найдена." in result.stderr


def test_new_in_a_year_without_a_plan_leaves_plan_out_and_says_so(site_copy):
    content = site_copy("every_field")
    year = site_day().year
    (content / "plans" / f"{year}.toml").unlink(missing_ok=True)
    result = run_invoke(
        "new", "article", "--title", "Новая статья", "--content", str(content)
    )
    assert result.returncode == 0, result.stderr
    (created,) = (content / "articles").glob(f"{year}-*-novaya-statya.md")
    assert "Plan:" not in created.read_text(encoding="utf-8")
    assert result.stdout.splitlines()[-1] == (
        f"Плана работы на {year} год нет, поэтому строки «Plan:» в файле нет."
    )


def test_new_in_a_year_with_a_plan_refers_to_that_plan(site_copy):
    content = site_copy("every_field")
    year = site_day().year
    plan = (content / "plans" / "2021.toml").read_text(encoding="utf-8")
    (content / "plans" / f"{year}.toml").write_text(
        plan.replace("year = 2021", f"year = {year}"), encoding="utf-8"
    )
    result = run_invoke(
        "new", "digest", "--month", f"{year}-01", "--content", str(content)
    )
    assert result.returncode == 0, result.stderr
    text = (content / "digests" / f"{year}-01.md").read_text(encoding="utf-8")
    assert f"Plan: {year}-15\n" in text
    assert "Плана работы" not in result.stdout
