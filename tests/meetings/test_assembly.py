"""The speech typography the meetings plugin passes to the page model: kept
between builds, and the same as the core's own."""

import pytest

from build_cache import TEXT_MEMOS
from chamber.typography import typograph_html
from meetings import assembly

SPEECHES = [
    '<p>Закон "о местном самоуправлении" и в 2021 г.</p>',
    '<p>Это "важно" — и в <em>городах</em>.</p>\n<p>Т. е. "вот "так"".</p>',
    "<ul>\n<li>№ 131-ФЗ</li>\n<li>И. И. Иванов</li>\n</ul>",
    '<p><code>"как есть" и в</code> и в</p>',
    "",
]


@pytest.mark.parametrize("speech", SPEECHES)
def test_the_kept_typography_is_the_cores(speech, tmp_path):
    memo = assembly._typographed
    memo.load(tmp_path)
    assert memo(speech) == typograph_html(speech)
    memo.save()
    memo.load(tmp_path)  # the next build, from what this one kept
    assert memo(speech) == typograph_html(speech)


def test_build_speed_loads_and_saves_it():
    assert assembly._typographed in TEXT_MEMOS
