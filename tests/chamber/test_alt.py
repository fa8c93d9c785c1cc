from chamber.alt import missing_alt

SOURCE = """Title: Картинки

![](/images/a.png)

<img src="/images/b.png" alt="  ">

![Схема](/images/c.png)
"""
BODY = (
    '<p><img alt="" src="/images/a.png"></p>\n'
    '<img src="/images/b.png" alt="  ">\n'
    '<p><img alt="Схема" src="/images/c.png"></p>'
)


def test_each_image_without_alt_is_named_with_its_line():
    assert missing_alt(BODY, SOURCE) == [
        (
            "у изображения «/images/a.png» нет описания (alt). Напишите в квадратных "
            "скобках, что на нём видно: ![Что на картинке](/images/a.png)",
            3,
        ),
        (
            "у изображения «/images/b.png» нет описания (alt). Напишите в квадратных "
            "скобках, что на нём видно: ![Что на картинке](/images/b.png)",
            5,
        ),
    ]


def test_an_image_without_src_or_alt_is_still_reported():
    assert missing_alt("<img>", "текст")[0][1] is None


def test_images_with_alt_pass():
    assert missing_alt('<img alt="Схема" src="x.png">', "") == []


def test_an_image_written_in_capitals_is_checked_too():
    (problem,) = missing_alt('<p><IMG SRC="/images/d.png"></p>', "<IMG SRC=...>")
    assert problem[0].startswith("у изображения «/images/d.png» нет описания (alt)")
