"""Word files for the tests, written with python-docx, and a stenographer's
transcript shaped like the real ones.

python-docx has no API for hyperlinks or footnotes, so those few elements are
written as the WordprocessingML that Word itself saves.
"""

import io
import struct
import zlib
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from lxml import etree

FOOTNOTES_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
)


def png(width: int = 2, height: int = 2, rgb=(200, 30, 30)) -> bytes:
    """A small valid PNG, so that no binary fixture is kept in the repository."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


class WordFile:
    """A document built paragraph by paragraph, saved as .docx."""

    def __init__(self, title_property: str = ""):
        self.document = docx.Document()
        self.document.core_properties.title = title_property
        self._footnotes = None

    def heading(self, text: str, level: int = 1) -> None:
        self.document.add_heading(text, level)

    def paragraph(self, *runs, style: str | None = None):
        """Runs are plain strings or (text, "bold"|"italic") pairs."""
        paragraph = self.document.add_paragraph(style=style)
        for run in runs:
            text, *marks = (run,) if isinstance(run, str) else run
            added = paragraph.add_run(text)
            added.bold = "bold" in marks or None
            added.italic = "italic" in marks or None
        return paragraph

    def bullet(self, *runs):
        return self.paragraph(*runs, style="List Bullet")

    def table(self, rows: list[list[str]]) -> None:
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text

    def link(self, paragraph, text: str, url: str) -> None:
        rid = self.document.part.relate_to(url, RT.HYPERLINK, is_external=True)
        paragraph._p.append(
            parse_xml(
                f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}">'
                f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>'
            )
        )

    def footnote(self, paragraph, text: str) -> None:
        footnotes = self._footnotes_element()
        number = len(footnotes.findall(qn("w:footnote"))) + 1
        footnotes.append(
            parse_xml(
                f'<w:footnote {nsdecls("w")} w:id="{number}"><w:p><w:r>'
                f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>'
            )
        )
        paragraph._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/>'
                f'</w:rPr><w:footnoteReference w:id="{number}"/></w:r>'
            )
        )

    def image(self, alt: str = "", data: bytes | None = None) -> None:
        self.document.add_picture(io.BytesIO(data or png()), width=Cm(2))
        doc_pr = self.document.element.body.findall(".//" + qn("wp:docPr"))[-1]
        doc_pr.set("descr", alt)

    def save(self, path: Path) -> Path:
        if self._footnotes is not None:
            self._footnotes_part._blob = etree.tostring(
                self._footnotes, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        self.document.save(str(path))
        return path

    def _footnotes_element(self):
        if self._footnotes is None:
            self._footnotes = parse_xml(f"<w:footnotes {nsdecls('w')}/>")
            self._footnotes_part = Part(
                PackURI("/word/footnotes.xml"),
                FOOTNOTES_CONTENT_TYPE,
                b"",
                self.document.part.package,
            )
            self.document.part.relate_to(self._footnotes_part, RT.FOOTNOTES)
        return self._footnotes


PREAMBLE = (
    "СТЕНОГРАММА",
    "тематического заседания Палаты городов-центров субъектов Российской Федерации",
    "г. Москва, 22 сентября 2021 года, режим видео-конференц-связи",
    "Председательствует: Воронцов Игорь Сергеевич, председатель Палаты.",
)
# (speaker line as typed, style, speech paragraphs); style: "line" (the name
# and the speech in one paragraph), "bold" (a bold name paragraph).
TURNS = [
    (
        "Председательствующий (Воронцов И.С.) [00:00:12]:",
        "line",
        [
            "Добрый день, уважаемые коллеги! Начинаем заседание Палаты.",
            "На повестке два вопроса: планирование агломераций и управление ими.",
        ],
    ),
    (
        "ИВАНОВ И.И. [00:03:40]:",
        "line",
        [
            "Спасибо, Игорь Сергеевич. Тюмень готовит совместный генеральный план.",
        ],
    ),
    (
        "Иванов Иван Иванович (глава города Тюмени):",
        "line",
        [
            "Добавлю: у нас 12 муниципальных образований в агломерации.",
        ],
    ),
    ("ВОРОНЦОВ И.С.:", "line", ["Спасибо. Слово Анне Сергеевне Петровой."]),
    (
        "Петрова Анна Сергеевна, глава города Вологды [00:12:05]",
        "bold",
        [
            "Коллеги, у нас опыт скромнее, но показательный.",
            "Первое — транспорт. Второе — градостроительные нормы.",
        ],
    ),
    ("Председательствующий (Воронцов И.С.):", "line", ["Вопросы к докладчику?"]),
    ("СИДОРОВ П.А. (00:25:30):", "line", ["Вопрос о финансировании."]),
    ("Петрова А.С.:", "line", ["Финансирование — из регионального бюджета."]),
    ("Сидоров Пётр Андреевич", "bold", ["(С места.) Спасибо, понятно."]),
    (
        "Председательствующий (Воронцов И.С.) [01:02:03]:",
        "line",
        [
            "Переходим ко второму вопросу. Подводим итоги.",
        ],
    ),
]


def stenogram(path, extra_turns: int = 30):
    """The transcript; ``extra_turns`` more exchanges make it as long as a real one."""
    word = WordFile()
    word.heading(PREAMBLE[0], 1)
    for text in PREAMBLE[1:]:
        word.paragraph(text)
    for label, style, speech in TURNS:
        if style == "bold":
            word.paragraph((label, "bold"))
            for text in speech:
                word.paragraph(text)
        else:
            word.paragraph(f"{label} {speech[0]}")
            for text in speech[1:]:
                word.paragraph(text)
    for number in range(extra_turns):
        speaker = ("ИВАНОВ И.И.:", "Петрова А.С.:")[number % 2]
        word.paragraph(f"{speaker} Реплика номер {number + 1} в обсуждении.")
    word.paragraph("(Аплодисменты.)")
    word.paragraph("[01:30:00]")
    word.paragraph(("ВОРОНЦОВ И.С.", "bold"), " Заседание закрыто. Спасибо!")
    return word.save(path)
