"""SVG images: a drawing passes, anything that runs or loads is named."""

import pytest

from chamber.svg import svg_problems
from sitebuild import ROOT

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


def problems(body):
    return svg_problems(SVG.format(body).encode())


def test_the_sample_drawing_passes():
    assert svg_problems((ROOT / "content/images/primer-skhema.svg").read_bytes()) == []


def test_a_drawing_with_the_svg_doctype_passes():
    data = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        + SVG.format(
            '<rect width="10" height="10" fill="#036"/><a href="#x"><text>т</text></a>'
        )
    )
    assert svg_problems(data.encode()) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<rect onload="alert(1)"/>', "onload="),
        ('<rect ONCLICK="alert(1)"/>', "ONCLICK="),
        ("<foreignObject><p>x</p></foreignObject>", "<foreignObject>"),
        ('<image href="https://tracker.example/p.png"/>', "с другого сайта"),
        ('<image xlink:href="//tracker.example/p.png"/>', "с другого сайта"),
        ('<use href="http://evil.example/s.svg#a"/>', "с другого сайта"),
        ('<a xlink:href="javascript:alert(1)"><text>x</text></a>', "запускает код"),
        ("<style>@import 'https://evil.example/x.css';</style>", "url(…) или @import"),
        ('<rect style="fill:url(https://evil.example/p)"/>', "url(…) или @import"),
    ],
)
def test_what_runs_or_loads_is_named(body, expected):
    assert any(expected in problem for problem in problems(body))


def test_declared_entities_are_refused():
    data = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    )
    (problem,) = svg_problems(data)
    assert "<!ENTITY>" in problem


def test_a_file_that_is_not_xml_is_named():
    (problem,) = svg_problems(b"<svg><rect></svg>")
    assert "не читается как XML" in problem


def test_a_data_image_inside_the_drawing_passes():
    assert problems('<image href="data:image/png;base64,AAAA"/>') == []
