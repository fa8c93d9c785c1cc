"""Russian typography for running text: non-breaking spaces and «ёлочки».

Applied at build time to text only (never inside tags, code or attributes), so the
Markdown editors write stays plain.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

NBSP = "\u00a0"

_AN_INITIAL = re.compile(r"[А-ЯЁ]\.")
_SHORT_WORD = re.compile(r"([ \u00a0\t\n>(«„\"])([А-Яа-яЁё]{1,2}) +(?=\S|\Z)")
_SHORT_FIRST_WORD = re.compile(r"\A([А-Яа-яЁё]{1,2}) +(?=\S|\Z)")
# Each rule: a cheap test for whether the text can contain a match at all (most
# texts have no «№» or initials), the pattern, and its replacement.
_RULES = (
    # One- and two-letter words (в, и, на, по, не…) stay with the next word, also
    # when that word begins a link: the text before a tag ends in the space. The
    # word is found by the character before it from a short list (a lookbehind
    # or `\s` makes the scan several times slower); a second pass catches the
    # next word of a chain, «и в городе», which follows the space just replaced.
    *[(None, _SHORT_WORD, rf"\1\2{NBSP}")] * 2,
    (None, _SHORT_FIRST_WORD, rf"\1{NBSP}"),
    # A dash never starts a line.
    (("—", "–"), re.compile(r" +(—|–)"), rf"{NBSP}\1"),
    # № 131-ФЗ, § 5.
    (("№", "§"), re.compile(r"([№§]) *(?=\d)"), rf"\1{NBSP}"),
    # 2021 г., 5 млн, 12 тыс. руб., 30 %.
    (
        ("г.", "год", "млн", "млрд", "тыс.", "руб.", "%", "км", "чел."),
        re.compile(r"(\d) +(?=(?:гг?\.|год|млн|млрд|тыс\.|руб\.|%|км|чел\.))"),
        rf"\1{NBSP}",
    ),
    # Initials stay with each other and with the surname: И. И. Иванов, Иванов И. И.
    (
        _AN_INITIAL,
        re.compile(
            r"(?<![\w])([А-ЯЁ]\.) +(?=[А-ЯЁ]\.|[А-ЯЁ][а-яё])"
            r"|\b([А-ЯЁ][а-яё]+) +(?=[А-ЯЁ]\.)"
        ),
        lambda match: (match[1] or match[2]) + NBSP,
    ),
)

_QUOTES = (("«", "»"), ("„", "“"))
_OPENS_AFTER = frozenset(" \u00a0\t\n([{«„—-/")

# Text in these elements is shown as written.
_VERBATIM = re.compile(
    r"<(pre|code|kbd|samp|script|style|textarea)\b.*?</\1\s*>",
    re.DOTALL | re.IGNORECASE,
)
# A quote left open does not run on past the end of its paragraph.
_BLOCK_TAG = re.compile(
    r"</?(?:p|li|td|th|dd|dt|blockquote|h[1-6]|figcaption|div)\b", re.IGNORECASE
)
# The rules touch only Cyrillic words, digits, dashes and «№», none of which
# occur in tag or attribute names, so they can run over the markup in one pass;
# quotes cannot, as attribute values are quoted too.
_TAG_OR_QUOTE = re.compile(r'<[^>]*>|["«»]')
# A quote mark in the text, not one that delimits an attribute value.
_TEXT_QUOTE = re.compile(r'["«»](?![^<>]*>)')


@dataclass
class _QuoteState:
    depth: int = 0
    previous: str = ""


# A title is shown in every list it appears in: set it once.
@lru_cache(maxsize=8192)
def typograph_text(text: str) -> str:
    """The rules applied to plain text, such as a title."""
    state = _QuoteState()
    quoted = []
    for position, char in enumerate(text):
        if char in '"«»':
            state.previous = text[position - 1] if position else ""
            char = _quote(char, state)
        quoted.append(char)
    return _apply_rules("".join(quoted))


def typograph_html(markup: str) -> str:
    """The rules applied to the text of an HTML fragment, tags left alone."""
    state = _QuoteState()
    out = []
    position = 0
    for block in _VERBATIM.finditer(markup):
        out.append(_typograph_markup(markup[position : block.start()], state))
        out.append(block.group())
        position = block.end()
    out.append(_typograph_markup(markup[position:], state))
    return "".join(out)


def _typograph_markup(markup: str, state: _QuoteState) -> str:
    if _TEXT_QUOTE.search(markup):
        pieces = []
        position = 0
        for match in _TAG_OR_QUOTE.finditer(markup):
            gap = markup[position : match.start()]
            if gap:
                state.previous = gap[-1]
            token = match.group()
            if token.startswith("<"):
                if _BLOCK_TAG.match(token):
                    state.depth, state.previous = 0, ""
            else:
                token = _quote(token, state)
            pieces.append(gap)
            pieces.append(token)
            position = match.end()
        pieces.append(markup[position:])
        markup = "".join(pieces)
    return _apply_rules(markup)


def _apply_rules(text: str) -> str:
    for test, pattern, replacement in _RULES:
        if _may_match(test, text):
            text = pattern.sub(replacement, text)
    return text


def _may_match(test: tuple[str, ...] | re.Pattern | None, text: str) -> bool:
    if test is None:
        return True
    if isinstance(test, re.Pattern):
        return test.search(text) is not None
    return any(needle in text for needle in test)


def _quote(char: str, state: _QuoteState) -> str:
    """One quote mark: straight quotes become «ёлочки», and „лапки“ inside them."""
    if char == '"':
        if (not state.previous or state.previous in _OPENS_AFTER) and state.depth < 2:
            char = _QUOTES[state.depth][0]
            state.depth += 1
        elif state.depth:
            state.depth -= 1
            char = _QUOTES[state.depth][1]
    elif char == "«":
        state.depth = min(state.depth + 1, 2)
    elif state.depth:  # »
        state.depth -= 1
    state.previous = char
    return char
