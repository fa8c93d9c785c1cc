from chamber.header import header_problems


def test_a_repeated_field_names_both_lines():
    text = "Title: Первый\nDate: 2021-03-01\ntitle: Второй\n\nТекст\nTitle: в тексте\n"
    ((field, message, line),) = header_problems(text)
    assert (field, line) == ("Title", 3)
    assert message.startswith("поле указано дважды (строки 1 и 3)")


def test_a_continuation_line_is_not_a_repeat():
    text = "Title: Длинный\nSummary: Первая строка\n    Title: вторая строка\n\nТекст\n"
    assert header_problems(text) == []


def test_a_russian_field_name_says_which_field_to_write():
    text = "Заголовок: Статья\nDate: 2021-03-01\nВид документа: Доклад\n\nТекст"
    assert [(f, m.split(".")[0], n) for f, m, n in header_problems(text)] == [
        ("Заголовок", "названия полей пишутся по-английски: пишите «Title: …»", 1),
        ("Вид документа", "названия полей пишутся по-английски: пишите «Kind: …»", 3),
    ]


def test_an_unknown_russian_name_points_to_the_guide():
    ((_, message, _),) = header_problems("Рубрика: Новости\n\nТекст")
    assert "латиницей, как в руководстве редактора" in message
