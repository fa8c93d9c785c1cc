"""The raw-HTML allowlist: what is reported, what is published, what stays as is."""

import sys

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

from chamber.html_safety import checked, html_findings, locate, sanitise
from sitebuild import ROOT

SITE = "https://palata.example.ru"


@pytest.fixture(scope="module")
def markdown():
    """The site's own Markdown settings, as the reader uses them."""
    sys.path.insert(0, str(ROOT))
    import pelicanconf
    from chamber.russian.slugs import slugify

    configs = {k: dict(v) for k, v in pelicanconf.MARKDOWN["extension_configs"].items()}
    configs["markdown.extensions.toc"]["slugify"] = slugify
    return Markdown(
        extensions=list(configs), extension_configs=configs, output_format="html5"
    )


def messages(markup):
    return [finding.message for finding in html_findings(markup, SITE)]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<script>alert(1)</script>", "`<script>`: сайт не публикует скрипты"),
        ("<SCRIPT src=//evil.example/x.js></SCRIPT>", "`<script>`"),
        ('<iframe src="https://evil.example/"></iframe>', "`<iframe>`"),
        ('<object data="x.swf"></object>', "`<object>`"),
        ('<embed src="x.swf">', "`<embed>`"),
        ('<form action="https://evil.example/"><input></form>', "`<form>`"),
        (
            '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
            "`<meta>`",
        ),
        ('<base href="https://evil.example/">', "`<base>`"),
        ("<style>body{display:none}</style>", "`<style>`"),
        ('<link rel="stylesheet" href="https://evil.example/x.css">', "`<link>`"),
        ("<svg><script>alert(1)</script></svg>", "`<svg>`"),
        ("<font color=red>текст</font>", "`<font>`"),
    ],
)
def test_elements_that_cannot_be_safe_are_named(markup, expected):
    assert any(expected in message for message in messages(markup))


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<img src="x.png" onerror="alert(1)">', "обработчик `onerror`"),
        ('<p onclick="alert(1)">x</p>', "обработчик `onclick`"),
        ('<a href="#" ONMOUSEOVER=alert(1)>x</a>', "обработчик `onmouseover`"),
        ('<p style="color:red">x</p>', "атрибут `style`"),
        (
            '<td style="background:url(https://evil.example/x)">x</td>',
            "атрибут `style`",
        ),
        ('<a href="x" target="_blank">x</a>', "атрибут `target`"),
    ],
)
def test_attributes_that_are_not_published_are_named(markup, expected):
    assert any(expected in message for message in messages(markup))


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="javascript:alert(1)">x</a>',
        "<a href='JavaScript:void(0)'>x</a>",
        '<a href=" java\tscript:alert(1)">x</a>',
        '<a href="&#106;avascript&colon;alert(1)">x</a>',
        '<img src="vbscript:msgbox">',
        "<a href=javascript:alert(1)>x</a>",
        '<abbr title="x" data-x="javascript:alert(1)">x</abbr>',
    ],
)
def test_script_urls_in_any_attribute_are_found(markup):
    assert any("запускает программу" in message for message in messages(markup))


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="data:image/png;base64,AAAA" alt="">',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    ],
)
def test_data_urls_are_found(markup):
    assert any("встроены данные" in message for message in messages(markup))


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="https://tracker.example/pixel.gif" alt="">',
        '<img src="//tracker.example/pixel.gif" alt="">',
        '<video src="http://cdn.example/v.mp4" controls></video>',
        '<video poster="https://cdn.example/p.jpg"></video>',
    ],
)
def test_a_file_from_another_host_is_to_go_into_content_images(markup):
    (message,) = messages(markup)
    assert "загружается с другого сайта" in message
    assert "content/images/" in message


def test_a_file_from_the_site_itself_is_fine():
    assert messages(f'<img src="{SITE}/images/a.png" alt="">') == []


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="https://example.ru/javascript:">x</a>',
        '<a href="/documents/">x</a>',
        '<a href="{filename}/articles/a.md">x</a>',
        '<img src="{static}/images/a.svg" alt="схема">',
        "<p>Слово javascript: в тексте</p>",
        '<a href="mailto:palata@example.ru">почта</a>',
        "<p>H<sub>2</sub>O, x<sup>2</sup>,<br>"
        '<abbr title="видеоконференция">ВКС</abbr></p>',
        '<table><tr><th style="text-align: left;">a</th></tr></table>',
    ],
)
def test_ordinary_markup_passes(markup):
    assert messages(markup) == []


def test_sanitise_removes_every_payload():
    hostile = (
        '<p onclick="alert(1)">a<script>alert(2)</script>'
        '<img src="x.png" onerror="alert(3)"><iframe src="https://e.example/"></iframe>'
        '<a href="javascript:alert(4)">b</a></p><meta http-equiv="refresh" content="0">'
        "<style>p{}</style><base href=https://e.example/>"
    )
    soup = BeautifulSoup(sanitise(hostile), "html.parser")
    assert soup.find_all(["script", "iframe", "meta", "style", "base"]) == []
    assert all(
        not name.startswith("on") for tag in soup.find_all(True) for name in tag.attrs
    )
    assert "javascript" not in str(soup)


MARKDOWN_FEATURES = """Title: Образец

## Полномочия

Текст[^1] и H<sub>2</sub>O, x<sup>2</sup>, строка<br>перенос. *ВКС* и
[ссылка]({filename}/articles/a.md) ![схема]({static}/images/a.svg "Схема").

| Левый | Центр |
|:------|:-----:|
| a & b | "c" 'd' |

Термин
:   Определение

*[ВКС]: видеоконференция

```python
x = "<b>" & 1
```

1. первый
2. второй

> Цитата

Абзац с классом
{: .lead }

[^1]: Сноска «тут».
"""


def test_everything_markdown_writes_is_kept(markdown):
    html = markdown.reset().convert(MARKDOWN_FEATURES)
    assert messages(html) == []
    # nh3 spells some entities (&#8617; as ↩) and cell alignments
    # («text-align:left») its own way; the document is the same.
    assert same_document(sanitise(html), html)


def same_document(first, second):
    def parsed(markup):
        soup = BeautifulSoup(markup, "html.parser")
        for tag in soup.find_all(style=True):
            tag["style"] = tag["style"].replace(" ", "").rstrip(";")
        return soup

    return parsed(first) == parsed(second)


def test_the_sample_content_is_published_byte_for_byte(markdown):
    for path in sorted((ROOT / "content").rglob("*.md")):
        html = markdown.reset().convert(path.read_text(encoding="utf-8"))
        assert sanitise(html) == html, path


def test_locate_finds_each_needle_in_turn():
    source = "Title: Т\n\n<script>a</script>\n\nтекст\n<SCRIPT>b</script>\n"
    assert locate(source, ["<script", "<script", "onerror"]) == [3, 6, None]


def test_locate_starts_at_the_given_line():
    source = "<b>\n<b>\n<b>\n"
    assert locate(source, ["<b"], first_line=2) == [2]


def test_sanitise_keeps_no_load_from_another_host():
    html = (
        '<img src="https://tracker.example/p.gif" alt="a">'
        '<img src="//tracker.example/p.gif" alt="b">'
        f'<img src="{SITE}/images/own.png" alt="c"><img src="{{static}}/images/d.png" alt="d">'
    )
    soup = BeautifulSoup(sanitise(html, SITE), "html.parser")
    assert [img.get("src") for img in soup.find_all("img")] == [
        None,
        None,
        f"{SITE}/images/own.png",
        "{static}/images/d.png",
    ]


HOSTILE = [
    "<script>alert(1)</script>",
    '<iframe src="https://evil.example/"></iframe>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<img src="x.png" onerror="alert(1)">',
    '<p style="color:red">x</p>',
    '<td style="text-align: left; background:url(https://e.example/x)">x</td>',
    '<a href="x" target="_blank">x</a>',
    '<a href="&#106;avascript&colon;alert(1)">x</a>',
    '<abbr title="x" data-x="javascript:alert(1)">x</abbr>',
    '<img src="data:image/png;base64,AAAA" alt="">',
    '<img src="//tracker.example/pixel.gif" alt="">',
    '<video poster="https://cdn.example/p.jpg"></video>',
    '<a href="file:///etc/passwd">x</a>',
    "<font color=red>текст</font>",
]


@pytest.mark.parametrize("markup", HOSTILE)
def test_whatever_is_found_is_also_changed_by_the_sanitiser(markup):
    """`checked` runs the tokenizer only where nh3 changed the HTML."""
    clean, findings = checked(markup, SITE)
    assert clean != markup
    assert findings == html_findings(markup, SITE) != []
