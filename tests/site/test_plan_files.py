"""A mistake in one year's plan file is reported with all its details and does
not hide the other years' plans from the publications that name them."""

from sitebuild import run_invoke
from texts import publication

BROKEN_2022 = """year = 2022
title = "План работы на 2022 год"
document_status = "Проект"

[[sections]]
number = 1
title = "Раздел"

[[items]]
number = 1
section = 1
title = ""
deadline = "март"
result = "Результат"
schedule = "sometimes"
months = [3, 3]
evidence = ["meetings"]
requires = []
"""


def test_broken_plan_file_is_named_and_other_years_still_work(site_copy):
    content = site_copy("every_field")
    (content / "plans" / "2022.toml").write_text(BROKEN_2022, encoding="utf-8")
    (content / "articles" / "v-2022.md").write_text(
        publication(Title="Статья 2022 года", Date="2022-03-01", Plan="2022-1"),
        encoding="utf-8",
    )
    result = run_invoke("check", "--content", str(content))
    log = result.stdout + result.stderr
    assert result.returncode != 0
    plan_lines = [
        line for line in log.splitlines() if line.startswith("plans/2022.toml")
    ]
    assert len(plan_lines) == 2, log  # the title and the schedule, both at once
    assert "плана работы на 2022 год нет" not in log
    assert "плана работы на 2021 год нет" not in log
    assert "articles/kazan.md" not in log
