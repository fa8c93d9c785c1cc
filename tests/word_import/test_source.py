import pytest

from word_import.errors import ImportProblem
from word_import.source import read_docx


@pytest.mark.parametrize(
    ("name", "format_name"),
    [("doklad.doc", "старого формата Word (.doc)"), ("doklad.rtf", "RTF")],
)
def test_old_formats_are_asked_to_be_saved_as_docx(tmp_path, name, format_name):
    path = tmp_path / name
    path.write_bytes(b"{\\rtf1 text}")
    with pytest.raises(ImportProblem) as error:
        read_docx(path)
    assert str(error.value).startswith(f"{name}: файл {format_name} не читается.")
    assert "сохраните как «Документ Word (*.docx)»" in str(error.value)


def test_a_doc_renamed_to_docx_is_told_apart(tmp_path):
    path = tmp_path / "doklad.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old Word binary")
    with pytest.raises(ImportProblem, match=r"это не документ \.docx"):
        read_docx(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ImportProblem, match="не найден"):
        read_docx(tmp_path / "net.docx")
