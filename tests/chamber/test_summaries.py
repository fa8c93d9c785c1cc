from chamber.summaries import digest_rubrics, digest_summary, without_headings

DIGEST = (
    '<h2 id="normativnye-pravovye-akty">Нормативные правовые акты</h2>\n'
    '<ul>\n<li>Акт 1. <a href="https://a.ru/">Источник</a></li>\n'
    '<li>Акт 2. <a href="https://a.ru/">Источник</a></li>\n</ul>\n'
    '<h2 id="federalnyy-uroven">Федеральный уровень</h2>\n'
    "<ul>\n<li>Новость <ul><li>подпункт</li></ul></li>\n<li>Ещё</li>\n<li>И ещё</li>\n</ul>\n"
    '<h2 id="regiony">Регионы</h2>\n'
)


def test_digest_rubrics_count_their_news_items_not_nested_points():
    assert digest_rubrics(DIGEST) == [
        ("Нормативные правовые акты", 2),
        ("Федеральный уровень", 3),
        ("Регионы", 0),
    ]


def test_digest_summary_names_rubrics_with_news_and_carries_no_heading():
    assert digest_summary(DIGEST) == (
        "<p>Нормативные правовые акты — 2, Федеральный уровень — 3</p>"
    )


def test_body_for_a_summary_has_no_headings_and_no_ids():
    body = 'Вступление <h3 id="a">Итоги</h3><p id="b">Текст <em id="c">важно</em></p>'
    assert without_headings(body) == "Вступление <p>Текст <em>важно</em></p>"
