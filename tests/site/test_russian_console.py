"""What an editor sees in the terminal is Russian, one line per problem."""

from sitebuild import build, copy_fixture_site


def test_a_bad_site_address_is_one_russian_line_without_a_traceback(tmp_path):
    content = copy_fixture_site("contract_real_year", tmp_path)
    built = build(content, tmp_path / "output", siteurl="palata.example.ru")
    assert built.result.returncode != 0
    lines = built.log.splitlines()
    assert lines == [
        "Адрес сайта «palata.example.ru» в переменной окружения SITEURL должен быть "
        "полным, с https:// или http:// в начале."
    ]
    assert "Traceback" not in built.log


def test_a_build_says_what_it_read_per_section_and_nothing_in_english(tmp_path):
    content = copy_fixture_site("contract_real_year", tmp_path)
    built = build(content, tmp_path / "output")
    assert built.result.returncode == 0, built.log
    assert (
        "Прочитано: 2\u00a0статьи, 2\u00a0дайджеста, 2\u00a0заседания, "
        "2\u00a0документа, 1\u00a0страница." in built.log.splitlines()
    )
    assert "Done" not in built.log
    assert "Processed" not in built.log
