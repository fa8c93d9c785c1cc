"""Russian typography for running text: non-breaking spaces and «ёлочки».

Applied at build time to text only (never inside tags, code or attributes), so the
Markdown editors write stays plain.
"""

import re
from dataclasses import dataclass

NBSP = "\u00a0"

_INITIAL = r"(?<![\w])[А-ЯЁ]\."
_RULES = (
    # One- and two-letter words (в, и, на, по, не…) stay with the next word, also
    # when that word begins a link: the text before a tag ends in the space.
    (re.compile(r"(?<![\w-])([А-Яа-яЁё]{1,2}) +(?=\S|\Z)"), rf"\1{NBSP}"),
    # A dash never starts a line.
    (re.compile(r" +(—|–)"), rf"{NBSP}\1"),
    # № 131-ФЗ, § 5.
    (re.compile(r"([№§]) *(?=\d)"), rf"\1{NBSP}"),
    # 2021 г., 5 млн, 12 тыс. руб., 30 %.
    (
        re.compile(r"(\d) +(?=(?:гг?\.|год|млн|млрд|тыс\.|руб\.|%|км|чел\.))"),
        rf"\1{NBSP}",
    ),
    # Initials stay with each other and with the surname: И. И. Иванов, Иванов И. И.
    (re.compile(rf"(?<={_INITIAL}) +(?=[А-ЯЁ]\.|[А-ЯЁ][а-яё])"), NBSP),
    (re.compile(r"\b([А-ЯЁ][а-яё]+) +(?=[А-ЯЁ]\.)"), rf"\1{NBSP}"),
)

_QUOTES = (("«", "»"), ("„", "“"))
_OPENS_AFTER = frozenset(" \u00a0\t\n([{«„—-/")

# Text in these elements is shown as written.
_VERBATIM = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea"})
# A quote left open does not run on past the end of its paragraph.
_BLOCKS = frozenset(
    {"p", "li", "td", "th", "dd", "dt", "blockquote", "h1", "h2", "h3", "h4", "h5",
     "h6", "figcaption", "div"}
)  # fmt: skip
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


@dataclass
class _QuoteState:
    depth: int = 0
    previous: str = ""


def typograph_text(text: str) -> str:
    """The rules applied to plain text, such as a title."""
    return _typograph(text, _QuoteState())


def typograph_html(markup: str) -> str:
    """The rules applied to the text of an HTML fragment, tags left alone."""
    parts = _TAG.split(markup)
    state = _QuoteState()
    verbatim = 0
    for index, part in enumerate(parts):
        if index % 2:
            name = _TAG_NAME.match(part)
            tag = name[1].lower() if name else ""
            if tag in _VERBATIM:
                verbatim = max(verbatim + (-1 if part.startswith("</") else 1), 0)
            elif tag in _BLOCKS:
                state = _QuoteState()
        elif part and not verbatim:
            parts[index] = _typograph(part, state)
    return "".join(parts)


def _typograph(text: str, state: _QuoteState) -> str:
    text = _quotes(text, state)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def _quotes(text: str, state: _QuoteState) -> str:
    """Straight quotes become «ёлочки», and „лапки“ inside them."""
    out = []
    for char in text:
        if char == '"':
            if (
                not state.previous or state.previous in _OPENS_AFTER
            ) and state.depth < 2:
                char = _QUOTES[state.depth][0]
                state.depth += 1
            elif state.depth:
                state.depth -= 1
                char = _QUOTES[state.depth][1]
        elif char == "«":
            state.depth = min(state.depth + 1, 2)
        elif char == "»" and state.depth:
            state.depth -= 1
        out.append(char)
        state.previous = char
    return "".join(out)
