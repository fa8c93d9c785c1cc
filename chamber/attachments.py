"""What a reader needs to know about an attached file before downloading it."""

from dataclasses import dataclass
from pathlib import Path

from babel.units import format_unit

# Readers on slow connections decide by format and size; the label is what they know
# the format by, not the extension.
FORMAT_LABELS = {
    ".pdf": "PDF",
    ".doc": "Word (DOC)",
    ".docx": "Word (DOCX)",
    ".odt": "ODT",
    ".rtf": "RTF",
    ".xls": "Excel (XLS)",
    ".xlsx": "Excel (XLSX)",
    ".ods": "ODS",
    ".ppt": "PowerPoint (PPT)",
    ".pptx": "PowerPoint (PPTX)",
    ".csv": "CSV",
    ".txt": "текст",
    ".zip": "ZIP-архив",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
}

_UNITS = (
    ("digital-gigabyte", 1024**3),
    ("digital-megabyte", 1024**2),
    ("digital-kilobyte", 1024),
)


@dataclass(frozen=True)
class Attachment:
    path: str  # relative to the content folder: files/doklad-2021.pdf
    name: str
    format_label: str
    size: int  # bytes
    size_label: str


def format_size(size: int) -> str:
    """«1,2 МБ», «345 кБ», «12 Б»."""
    for unit, factor in _UNITS:
        if size >= factor:
            return format_unit(
                size / factor, unit, length="short", locale="ru", format="#,##0.#"
            )
    return format_unit(size, "digital-byte", length="short", locale="ru")


def describe_attachment(path: Path, files_dir: Path) -> Attachment:
    size = path.stat().st_size
    return Attachment(
        path=f"{files_dir.name}/{path.relative_to(files_dir).as_posix()}",
        name=path.name,
        format_label=FORMAT_LABELS.get(
            path.suffix.lower(), path.suffix.lstrip(".").upper()
        ),
        size=size,
        size_label=format_size(size),
    )
