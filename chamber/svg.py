"""SVG images that would run a script or load another host when opened.

An SVG is a document: opened by its own address it runs its scripts on the site's
origin, where the pages' Content-Security-Policy meta tag does not reach. So an
SVG may draw, and nothing else.
"""

import re

from lxml import etree

# Entities stay unexpanded and nothing is fetched: a file is read, not obeyed.
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
)
_URL_ATTRIBUTES = frozenset({"href", "src"})
_FOREIGN_URL = re.compile(r"^\s*(?:https?:|//|\\\\)", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_CSS_FOREIGN = re.compile(r"url\(\s*['\"]?\s*(?:https?:|//)|@import", re.IGNORECASE)


def svg_problems(data: bytes) -> list[str]:
    """Why the SVG cannot be published, in Russian; empty if it is a plain drawing."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        return [f"SVG-файл не читается как XML ({error.msg}). Сохраните его заново."]
    problems = []
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None and list(docinfo.internalDTD.iterentities()):
        problems.append(
            "в SVG-файле объявлены сущности (<!ENTITY>): так можно вставить чужие "
            "файлы. Сохраните рисунок заново без DOCTYPE."
        )
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        name = etree.QName(element).localname
        if name == "script":
            problems.append(
                "в SVG-файле есть скрипт (<script>): такие файлы не публикуются."
            )
        elif name == "foreignObject":
            problems.append(
                "в SVG-файле есть <foreignObject> (вставка HTML): такие файлы не публикуются."
            )
        elif name == "style" and _CSS_FOREIGN.search(element.text or ""):
            problems.append(_foreign_css())
        for attribute, value in element.attrib.items():
            problems.extend(_attribute_problems(name, attribute, value))
    return list(dict.fromkeys(problems))


def _attribute_problems(element: str, attribute: str, value: str) -> list[str]:
    local = etree.QName(attribute).localname
    if local.lower().startswith("on"):
        return [
            f"в SVG-файле у элемента <{element}> есть обработчик {local}= (скрипт): "
            "такие файлы не публикуются."
        ]
    if local == "style" and _CSS_FOREIGN.search(value):
        return [_foreign_css()]
    if local in _URL_ATTRIBUTES:
        if _FOREIGN_URL.match(value):
            return [
                f"SVG-файл загружает «{value}» с другого сайта: вставьте этот файл "
                "в сам рисунок или положите его рядом в content/images/."
            ]
        if _SCRIPT_URL.match(value) and not value.strip().lower().startswith(
            "data:image/"
        ):
            return [f"в SVG-файле есть ссылка «{value[:40]}», которая запускает код."]
    return []


def _foreign_css() -> str:
    return (
        "в SVG-файле стили загружают что-то с другого сайта (url(…) или @import): "
        "такие файлы не публикуются."
    )
