import pytest

from chamber.attachments import describe_attachment, format_size


@pytest.mark.parametrize(
    ("size", "label"),
    [(12, "12 Б"), (2048, "2 кБ"), (1_500_000, "1,4 МБ"), (3 * 1024**3, "3 ГБ")],
)
def test_size_is_shown_in_russian_units(size, label):
    assert format_size(size) == label


def test_attachment_knows_its_format_and_path(tmp_path):
    files = tmp_path / "files"
    (files / "2021").mkdir(parents=True)
    (files / "2021" / "tablitsa.XLSX").write_bytes(b"0" * 100)
    attachment = describe_attachment(files / "2021" / "tablitsa.XLSX", files)
    assert attachment.path == "files/2021/tablitsa.XLSX"
    assert attachment.format_label == "Excel (XLSX)"
    assert attachment.size_label == "100 Б"


def test_unknown_extension_is_shown_in_capitals(tmp_path):
    (tmp_path / "plan.odg").write_bytes(b"0")
    assert describe_attachment(tmp_path / "plan.odg", tmp_path).format_label == "ODG"
