"""What an import did, told to the editor in Russian."""

from dataclasses import dataclass, field

from chamber.russian.plurals import count_with_noun

NOUNS = {
    "headings": ("заголовок", "заголовка", "заголовков"),
    "lists": ("список", "списка", "списков"),
    "tables": ("таблица", "таблицы", "таблиц"),
    "links": ("ссылка", "ссылки", "ссылок"),
    "footnotes": ("сноска", "сноски", "сносок"),
    "images": ("изображение", "изображения", "изображений"),
    "rubrics": ("рубрика", "рубрики", "рубрик"),
    "news": ("новость", "новости", "новостей"),
    "turns": ("реплика", "реплики", "реплик"),
    "speakers": ("выступающий", "выступающих", "выступающих"),
    "times": ("отметка времени", "отметки времени", "отметок времени"),
}


def counted(what: str, count: int) -> str:
    return count_with_noun(count, *NOUNS[what]).replace("\u00a0", " ")


@dataclass
class ImportReport:
    written: list[str] = field(default_factory=list)  # paths as the editor typed them
    recognised: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"Записан файл {path}" for path in self.written]
        if self.recognised:
            lines.append("Распознано: " + ", ".join(self.recognised) + ".")
        lines += [f"  {detail}" for detail in self.details]
        if self.unplaced:
            lines.append("Проверьте вручную:")
            lines += [f"  {item}" for item in self.unplaced]
        return lines + self.next_steps
