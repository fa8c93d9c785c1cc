from chamber.meetings.markup import render_paragraph
from chamber.meetings.problems import html_problems, transcript_problems
from chamber.problems import Problem, warning_text
from chamber.transcript import parse_transcript

PATH = "meetings/transcripts/zasedanie.md"
SITE = "https://palata.example.ru"


def test_parser_findings_split_into_errors_and_warnings_with_lines():
    transcript = parse_transcript(
        "**Иванов И. И.** [00:10:00]\nТекст.\n\n"
        "**Петров П. П.** [1:75:00]\nТекст.\n\n"
        "**Сидоров С. С.** [00:05:00]\nТекст."
    )
    errors, warnings = transcript_problems(PATH, transcript)
    assert [(p.path, p.line) for p in errors] == [(PATH, 4)]
    assert "меньше 60" in errors[0].message
    assert [(p.path, p.line) for p in warnings] == [(PATH, 7)]
    assert "раньше" in warnings[0].message


def test_a_warning_says_the_build_goes_on():
    warning = Problem(PATH, "Время раньше.", None, 7)
    assert warning_text(warning) == (
        f"{PATH}:7: предупреждение (сборка продолжается): Время раньше."
    )


def unsafe(source):
    return html_problems(PATH, source, parse_transcript(source), SITE)


def test_a_script_link_is_reported_at_its_own_line():
    source = (
        "Вступление.\n\n"
        "**Иванов И. И.** [00:10:00]\nТекст.\n\n"
        "Ещё [ссылка](javascript:alert(1)).\n"
    )
    (problem,) = unsafe(source)
    assert (problem.path, problem.line) == (PATH, 6)
    assert "javascript:alert(1)" in problem.message


def test_a_script_link_in_the_preamble_is_reported_too():
    (problem,) = unsafe('<a href="javascript:void(0)">Вступление</a>\n')
    assert problem.line == 1


def test_ordinary_links_are_fine():
    assert unsafe("**Иванов И. И.**\n[Закон](https://example.ru/zakon).") == []


def test_a_script_in_a_speech_is_reported_at_its_line():
    source = (
        "**Иванов И. И.** [00:10:00]\nТекст.\n\n"
        'Абзац <img src="x.png" onerror="alert(1)">\n\n'
        "<script>alert(2)</script>\n"
    )
    problems = unsafe(source)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (4, "у HTML-элемента `<img>` есть обработчик `onerror`"),
        (6, "есть HTML-элемент `<script>`"),
    ]


def test_an_image_from_another_host_in_a_transcript_is_reported():
    (problem,) = unsafe("**Иванов И. И.**\n![пиксель](https://tracker.example/p.gif)\n")
    assert problem.line == 2
    assert "content/images/" in problem.message


def test_a_speech_is_published_without_the_payload():
    html = render_paragraph(
        'Текст <img src="x.png" onerror="alert(1)"><script>x</script>'
    )
    assert "onerror" not in html
    assert "<script" not in html
    assert '<img src="x.png">' in html
