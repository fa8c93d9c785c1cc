import pytest

from chamber.typography import NBSP, typograph_html, typograph_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("в городе и в области", f"в{NBSP}городе и{NBSP}в{NBSP}области"),
        ("Закон № 131-ФЗ", f"Закон №{NBSP}131-ФЗ"),
        ("Закон №131-ФЗ", f"Закон №{NBSP}131-ФЗ"),
        ("в 2021 г. было", f"в{NBSP}2021{NBSP}г. было"),
        ("бюджет 5 млн руб.", f"бюджет 5{NBSP}млн руб."),
        ("Казань — столица", f"Казань{NBSP}— столица"),
        ("И. И. Иванов сказал", f"И.{NBSP}И.{NBSP}Иванов сказал"),
        ("сказал Иванов И. И.", f"сказал Иванов{NBSP}И.{NBSP}И."),
        ("Улан-Удэ и Ханты-Мансийск", f"Улан-Удэ и{NBSP}Ханты-Мансийск"),
    ],
)
def test_non_breaking_spaces(text, expected):
    assert typograph_text(text) == expected


def test_sentence_after_an_abbreviation_is_not_bound():
    assert typograph_text("по всей РФ. Далее") == f"по{NBSP}всей РФ. Далее"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Закон "О городских агломерациях"', f"Закон «О{NBSP}городских агломерациях»"),
        (
            'Палата "Городов "Центров" России"',
            "Палата «Городов „Центров“ России»",
        ),
        ('("Слово")', "(«Слово»)"),
        ("«Уже» готово", "«Уже» готово"),
    ],
)
def test_quotes_become_guillemets_and_nest(text, expected):
    assert typograph_text(text) == expected


def test_tags_addresses_and_code_are_left_alone():
    # Attribute text that people read (title, alt) is set like the rest.
    markup = '<p>Ссылка <a href="/a b/" title="в городе">в "Казани"</a> и <code>a "b" в c</code></p>'
    assert typograph_html(markup) == (
        f'<p>Ссылка <a href="/a b/" title="в{NBSP}городе">в{NBSP}«Казани»</a> '
        f'и{NBSP}<code>a "b" в c</code></p>'
    )


def test_a_quote_may_span_inline_tags():
    assert typograph_html('<p>"<em>Важно</em>"</p>') == "<p>«<em>Важно</em>»</p>"


def test_an_unclosed_quote_stops_at_the_paragraph_end():
    markup = '<p>Текст "без пары</p><p>"Новый"</p>'
    assert typograph_html(markup) == "<p>Текст «без пары</p><p>«Новый»</p>"


def test_preformatted_text_is_verbatim():
    markup = '<pre><code>x = "в тексте"\n</code></pre>'
    assert typograph_html(markup) == markup


def test_short_word_binds_to_a_following_link():
    assert typograph_html('<p>Текст со <a href="/d/">ссылкой</a></p>') == (
        f'<p>Текст со{NBSP}<a href="/d/">ссылкой</a></p>'
    )
