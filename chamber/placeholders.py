"""Placeholders the Word import leaves for an editor to fill in.

An image in Word without alternative text gets IMAGE_ALT_PLACEHOLDER as its
`alt`; the check refuses it until a description is written, because a reader
who cannot see the picture would otherwise hear the placeholder.
"""

IMAGE_ALT_PLACEHOLDER = "ОПИШИТЕ ИЗОБРАЖЕНИЕ"


def placeholder_problems(text: str) -> list[tuple[str, int]]:
    """(message, 1-based line) for each image still carrying the placeholder."""
    return [
        (
            f"у изображения вместо описания стоит «{IMAGE_ALT_PLACEHOLDER}» (так "
            "импорт из Word помечает картинки без замещающего текста). Напишите, "
            "что на картинке: ![Схема агломерации Казани](/images/…).",
            number,
        )
        for number, line in enumerate(text.splitlines(), start=1)
        for _ in range(line.count(f"[{IMAGE_ALT_PLACEHOLDER}]"))
    ]
