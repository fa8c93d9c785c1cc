from chamber.placeholders import IMAGE_ALT_PLACEHOLDER, placeholder_problems


def test_each_image_with_the_placeholder_is_reported_on_its_line():
    text = (
        "Title: X\n\n![Схема](/images/a.png)\n\n"
        f"![{IMAGE_ALT_PLACEHOLDER}](/images/b.png) и ![{IMAGE_ALT_PLACEHOLDER}](/images/c.png)\n"
    )
    problems = placeholder_problems(text)
    assert [line for _, line in problems] == [5, 5]
    assert problems[0][0].startswith(
        f"у изображения вместо описания стоит «{IMAGE_ALT_PLACEHOLDER}»"
    )


def test_a_described_image_passes():
    assert placeholder_problems("![Схема агломерации](/images/a.png)\n") == []
