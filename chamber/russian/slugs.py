"""Deterministic Latin slugs for Russian text.

Pelican's own slugify runs ``unidecode``, which gives ``ezhemesiachnyi``; readers
and editors expect the familiar ``ezhemesyachnyy``. The letter table below is fed
to Pelican as regex substitutions so that articles, tags, categories and heading
anchors all share one transliteration.
"""

import re
import unicodedata
from functools import lru_cache

TRANSLITERATION = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip

# Pelican applies these after its own NFKC normalisation and before lower-casing,
# so each letter is matched case-insensitively. The last three mirror Pelican's
# defaults: drop what is not a word character, join words with hyphens.
SLUG_REGEX_SUBSTITUTIONS = [
    *((letter, latin) for letter, latin in TRANSLITERATION.items()),
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]


@lru_cache(maxsize=4096)
def slugify(text: str, separator: str = "-") -> str:
    """Transliterate ``text`` into a lower-case ASCII slug.

    Has the signature of Python-Markdown's ``toc`` ``slugify`` option, so heading
    anchors read ``#polnomochiya`` instead of ``#_1``.
    """
    # NFKC first, as Pelican does, so that «№» becomes «No» in both paths.
    normalised = unicodedata.normalize("NFKC", text).lower()
    latin = "".join(TRANSLITERATION.get(ch, ch) for ch in normalised)
    latin = re.sub(r"[^\w\s-]", "", latin, flags=re.ASCII)
    return re.sub(r"[-\s]+", separator, latin).strip(separator)


# Far below the 255 bytes a file name may take, and still readable in an address.
MAX_SLUG_LENGTH = 80


def shorten_slug(slug: str) -> str:
    """The slug cut at the last hyphen that keeps it within ``MAX_SLUG_LENGTH``.

    A document title can run to three hundred characters; the whole of it would
    be a file name the system refuses. A single word longer than the limit is cut
    inside it.
    """
    limit = MAX_SLUG_LENGTH
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    head = cut.rsplit("-", 1)[0] if "-" in cut else slug[:limit]
    return head.rstrip("-")[:limit]
