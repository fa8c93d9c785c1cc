"""`invoke serve` rebuilds with the same Pelican object: the second build must
know the cities and plans as well as the first."""

import subprocess
import sys
import textwrap

from bs4 import BeautifulSoup

from sitebuild import ROOT, copy_fixture_site

TWO_RUNS = textwrap.dedent(
    """
    import sys
    from pelican import Pelican
    from pelican.settings import read_settings

    content, output = sys.argv[1:]
    settings = read_settings(
        "pelicanconf.py",
        override={"PATH": content, "OUTPUT_PATH": output, "PLAN_AS_OF": "2021-12-31"},
    )
    pelican = Pelican(settings)
    pelican.run()
    pelican.run()
    """
)


def test_second_build_in_one_process_keeps_the_reference_data(tmp_path):
    content = copy_fixture_site("every_field", tmp_path)
    output = tmp_path / "output"
    result = subprocess.run(
        [sys.executable, "-c", TWO_RUNS, str(content), str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "нет в списке городов" not in result.stderr
    assert "плана работы на 2021 год нет" not in result.stderr
    city = BeautifulSoup(
        (output / "cities/kazan/index.html").read_text(), "html.parser"
    )
    assert city.select(".publication-list > li")
