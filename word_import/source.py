"""Reading a .docx: mammoth's HTML, its images and the document's own title."""

import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import mammoth

from word_import.errors import ImportProblem

# Formats Word saves that mammoth cannot read; Word itself converts them.
_OLD_FORMATS = {
    ".doc": "старого формата Word (.doc)",
    ".rtf": "RTF",
    ".odt": "OpenDocument (.odt)",
}
# Browsers show these; Word also embeds EMF/WMF drawings, which they do not.
_IMAGE_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/svg+xml": "svg",
}


@dataclass(frozen=True)
class Image:
    data: bytes
    extension: str
    alt: str
    shown_by_browsers: bool


@dataclass(frozen=True)
class WordDocument:
    html: str
    images: tuple[Image, ...]  # in the order the <img> elements appear
    title_property: str  # «Свойства» → «Название», often empty


_IMAGE_SRC = "word-image:"


def image_src(index: int) -> str:
    """An image's src until its file gets a name: its 1-based index."""
    return f"{_IMAGE_SRC}{index}"


def image_index(src: str) -> int:
    return int(src.removeprefix(_IMAGE_SRC))


def read_docx(path: Path) -> WordDocument:
    suffix = path.suffix.lower()
    if suffix in _OLD_FORMATS:
        raise ImportProblem(
            f"{path.name}: файл {_OLD_FORMATS[suffix]} не читается. Откройте его в "
            "Word и сохраните как «Документ Word (*.docx)»: «Файл» → «Сохранить "
            "как» → «Тип файла», затем запустите импорт для файла .docx."
        )
    if suffix != ".docx":
        raise ImportProblem(
            f"{path.name}: импортируются только документы Word .docx; сохраните "
            "файл в Word как «Документ Word (*.docx)»."
        )
    if not path.is_file():
        raise ImportProblem(f"Файл {path} не найден.")
    if not zipfile.is_zipfile(path):
        raise ImportProblem(
            f"{path.name}: это не документ .docx (возможно, файл .doc или .rtf "
            "с другим расширением). Откройте его в Word и сохраните как «Документ "
            "Word (*.docx)»."
        )
    images: list[Image] = []

    def keep_image(image) -> dict[str, str]:
        with image.open() as stream:
            data = stream.read()
        content_type = image.content_type or ""
        extension = _IMAGE_EXTENSIONS.get(content_type)
        images.append(
            Image(
                data,
                extension or content_type.rpartition("/")[2].lower() or "bin",
                " ".join((image.alt_text or "").split()),
                extension is not None,
            )
        )
        return {"src": image_src(len(images))}

    try:
        with path.open("rb") as stream:
            result = mammoth.convert_to_html(
                stream,
                convert_image=mammoth.images.img_element(keep_image),
                # Kept so that paragraph numbers in the report count as Word does.
                ignore_empty_paragraphs=False,
            )
        title = docx.Document(str(path)).core_properties.title or ""
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        raise ImportProblem(
            f"{path.name}: документ не открывается ({error}). Откройте его в Word "
            "и сохраните заново как «Документ Word (*.docx)»."
        ) from None
    return WordDocument(result.value, tuple(images), " ".join(title.split()))
