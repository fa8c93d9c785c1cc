"""One function words every warning an editor sees."""

from chamber.problems import Problem, warning_text


def test_a_problem_names_its_file_and_line():
    assert Problem("meetings/x.md", "Текст.", None, 12).where == "meetings/x.md:12"
    assert Problem("meetings/x.md", "Текст.").where == "meetings/x.md"


def test_a_fields_warning_reads_like_its_error():
    warning = Problem("articles/a.md", "пункт 2021-5 не засчитан.", "Plan")
    assert warning_text(warning) == (
        "Предупреждение: articles/a.md: поле «Plan»: пункт 2021-5 не засчитан."
    )


def test_a_warning_about_the_build_names_no_file():
    warning = Problem("", "веб-редактор /admin/ не добавлен.")
    assert warning_text(warning) == "Внимание: веб-редактор /admin/ не добавлен."
