from chamber.html_tags import may_contain


def test_a_start_tag_is_found_in_any_case():
    assert may_contain('<p>Схема</p><IMG src="a.png">', "img")
    assert may_contain('<video poster="p.jpg"></video>', "img", "video")


def test_text_without_the_tag_needs_no_parse():
    assert not may_contain("<p>Изображение img и видео</p>", "img", "video")
    assert not may_contain("<p>Текст.</p>", "img")
