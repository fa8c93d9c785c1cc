"""`invoke import`: a Word file becomes a draft publication or a transcript."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from chamber.blank import BlankError, blank_publication, current_plan
from chamber.placeholders import IMAGE_ALT_PLACEHOLDER
from chamber.russian.slugs import slugify
from chamber.transcript import parse_transcript
from word_import.digest import digest_body, month_from_title
from word_import.errors import ImportProblem
from word_import.markup import Block, Parsed, blocks_markdown, parse, shift_headings
from word_import.report import ImportReport, counted
from word_import.source import WordDocument, image_index, read_docx
from word_import.transcript import convert_transcript

SECTION_OF_KIND = {
    "article": "articles",
    "digest": "digests",
    "document": "documents",
    "meeting": "meetings",
}
_TRANSCRIPT_FIELD = re.compile(r"transcript\s*:(.*)", re.IGNORECASE)


@dataclass(frozen=True)
class _File:
    relative: str  # inside the content folder
    data: bytes


def import_publication(
    source: Path,
    kind: str,
    content_dir: Path,
    today: date,
    month: str = "",
    force: bool = False,
) -> ImportReport:
    section = SECTION_OF_KIND.get(kind.removesuffix("s"))
    if section is None:
        raise ImportProblem(
            f"неизвестный вид публикации «{kind}». Допустимо: "
            + ", ".join(SECTION_OF_KIND)
            + "."
        )
    document = read_docx(source)
    parsed = parse(document.html)
    blocks = list(parsed.blocks)
    report = ImportReport()
    if section == "digests":
        title = _digest_title(blocks)
        month = month or month_from_title(title or document.title_property) or ""
        if not month:
            raise ImportProblem(
                f"{source.name}: не удалось узнать месяц дайджеста из заголовка; "
                "укажите его: --month 2021-04."
            )
        name = f"daydzhest-{month}"
    else:
        title = _title(blocks, document)
        if not title:
            raise ImportProblem(
                f"{source.name}: у документа нет заголовка — ни заголовка в начале "
                "текста (стиль «Заголовок 1»), ни названия в свойствах файла. "
                "Оформите первую строку стилем «Заголовок 1» и повторите импорт."
            )
        name = slugify(title)[:60].rstrip("-")
    images = _place_images(blocks, document, name, report)
    if section == "digests":
        body = digest_body(blocks)
        markdown = body.markdown
        report.recognised += [
            counted("rubrics", body.rubrics),
            counted("news", body.news),
        ]
        report.unplaced += body.unplaced
    else:
        shift_headings(blocks)
        markdown = blocks_markdown(blocks, parsed.footnotes) + "\n"
        report.recognised += _structure_counts(blocks, parsed)
    report.recognised.append(counted("images", len(images)))
    try:
        # The same blank as `invoke new`, referring only to this year's plan.
        plan = current_plan(content_dir, today.year)
        relative, text = blank_publication(
            section, today, title, month, plan, body=markdown
        )
    except BlankError as error:
        raise ImportProblem(f"{source.name}: {error}") from None
    _write(content_dir, [_File(relative, text.encode("utf-8")), *images], force, report)
    report.next_steps.append(
        "Это черновик (Status: draft): заполните пустые поля, проверьте текст, "
        "запустите invoke check и уберите строку «Status: draft», когда всё готово."
    )
    return report


def import_transcript(
    source: Path, meeting: str, content_dir: Path, force: bool = False
) -> ImportReport:
    meeting_path = _meeting_file(meeting, content_dir)
    document = read_docx(source)
    converted = convert_transcript(list(parse(document.html).blocks))
    if not converted.turns:
        raise ImportProblem(
            f"{source.name}: не найдено ни одной реплики. Строка выступающего "
            "должна выглядеть как «ИВАНОВ И.И.:», «Иванов Иван Иванович (глава "
            "города):», «Председательствующий (Воронцов И.С.):» или имя "
            "полужирным отдельным абзацем."
        )
    relative = f"meetings/transcripts/{meeting_path.stem}.md"
    field_value = f"transcripts/{meeting_path.stem}.md"
    meeting_text = meeting_path.read_bytes().decode("utf-8-sig")
    new_meeting_text, previous = with_transcript_field(meeting_text, field_value)
    if previous and previous != field_value and not force:
        raise ImportProblem(
            f"в заседании {_shown(meeting_path, content_dir)} уже указана "
            f"стенограмма «{previous}». Чтобы заменить её, добавьте --force."
        )
    report = ImportReport()
    report.recognised += [
        counted("turns", converted.turns),
        counted("speakers", len(converted.speakers)),
        counted("times", converted.times),
        counted("tables", converted.tables),
    ]
    for name, turns in converted.speakers.most_common():
        spellings = sorted(converted.spellings[name] - {name})
        also = f" (в тексте также: {', '.join(spellings)})" if spellings else ""
        report.details.append(f"{name} — {counted('turns', turns)}{also}")
    report.unplaced += converted.unplaced
    # The site reads the file back with its own parser: say what it would say.
    for problem in parse_transcript(converted.markdown).problems:
        report.unplaced.append(f"{relative}:{problem.line}: {problem.message}")
    meeting_relative = meeting_path.relative_to(content_dir.resolve()).as_posix()
    _write(
        content_dir,
        [_File(relative, converted.markdown.encode("utf-8"))],
        force,
        report,
    )
    if new_meeting_text != meeting_text:
        meeting_path.write_bytes(new_meeting_text.encode("utf-8"))
        report.written.append(
            f"{content_dir / meeting_relative} (поле Transcript: {field_value})"
        )
    report.next_steps.append(
        "Сверьте имена и время с записью и запустите invoke check."
    )
    return report


def with_transcript_field(text: str, value: str) -> tuple[str, str]:
    """The meeting's text with ``Transcript: value``, and the value it had.

    Only that line changes; without one, it is added after the last field.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    header_end = next(
        (i for i, line in enumerate(lines) if not line.strip()), len(lines)
    )
    for index in range(header_end):
        match = _TRANSCRIPT_FIELD.fullmatch(lines[index])
        if match:
            previous = match[1].strip()
            lines[index] = f"Transcript: {value}"
            return newline.join(lines), previous
    lines.insert(header_end, f"Transcript: {value}")
    return newline.join(lines), ""


def _title(blocks: list[Block], document: WordDocument) -> str:
    if blocks and blocks[0].kind == "heading":
        return blocks.pop(0).text
    return document.title_property


def _digest_title(blocks: list[Block]) -> str:
    """A heading that names the month is the digest's title, not a rubric."""
    if blocks and blocks[0].kind == "heading" and month_from_title(blocks[0].text):
        return blocks.pop(0).text
    return ""


def _place_images(
    blocks: list[Block], document: WordDocument, name: str, report: ImportReport
) -> list[_File]:
    files = []
    for block in blocks:
        for img in block.tag.find_all("img"):
            index = image_index(img["src"])
            image = document.images[index - 1]
            relative = f"images/{name}-{len(files) + 1}.{image.extension}"
            img["src"] = f"/{relative}"
            files.append(_File(relative, image.data))
            if image.alt:
                img["alt"] = image.alt
            else:
                img["alt"] = IMAGE_ALT_PLACEHOLDER
                report.unplaced.append(
                    f"абзац {block.number}: у изображения {relative} нет "
                    f"замещающего текста; вместо него стоит «{IMAGE_ALT_PLACEHOLDER}» "
                    "— опишите картинку (invoke check напомнит)."
                )
            if not image.shown_by_browsers:
                report.unplaced.append(
                    f"абзац {block.number}: изображение {relative} в формате, "
                    "который браузеры не показывают; сохраните его как PNG или JPEG."
                )
    return files


def _structure_counts(blocks: list[Block], parsed: Parsed) -> list[str]:
    kinds = [block.kind for block in blocks]
    links = sum(len(block.tag.find_all("a", href=True)) for block in blocks)
    return [
        counted("headings", kinds.count("heading")),
        counted("lists", kinds.count("list")),
        counted("tables", kinds.count("table")),
        counted("links", links),
        counted("footnotes", len(parsed.footnotes)),
    ]


def _meeting_file(meeting: str, content_dir: Path) -> Path:
    meetings = (content_dir / "meetings").resolve()
    given = Path(meeting)
    for candidate in (given, content_dir / given, meetings / given.name):
        path = candidate.resolve()
        if path.is_file() and path.parent == meetings and path.suffix == ".md":
            return path
    raise ImportProblem(
        f"заседание «{meeting}» не найдено: укажите файл заседания в папке "
        f"{content_dir / 'meetings'}, например --transcript meetings/2021-09-22.md."
    )


def _shown(path: Path, content_dir: Path) -> str:
    return path.relative_to(content_dir.resolve()).as_posix()


def _write(
    content_dir: Path, files: Iterable[_File], force: bool, report: ImportReport
) -> None:
    """All files or none: nothing is overwritten without --force."""
    files = list(files)
    taken = [f.relative for f in files if (content_dir / f.relative).exists()]
    if taken and not force:
        raise ImportProblem(
            "уже есть файлы: "
            + ", ".join(str(content_dir / t) for t in taken)
            + ". Ничего не записано. Чтобы заменить их, добавьте --force."
        )
    for file in files:
        path = content_dir / file.relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file.data)
        report.written.append(str(path))
