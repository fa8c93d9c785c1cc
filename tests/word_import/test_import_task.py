"""`invoke import` end to end, in throwaway copies of a fixture site."""

from sitebuild import run_invoke
from word_files import WordFile, stenogram

MEETING = "meetings/2021-09-22-planirovanie.md"


def test_a_transcript_is_imported_linked_and_passes_the_check(site_copy, tmp_path):
    content = site_copy("word_import_meeting_without_transcript")
    meeting_before = (content / MEETING).read_text(encoding="utf-8")
    source = stenogram(tmp_path / "Стенограмма 22.09.docx", extra_turns=60)

    result = run_invoke(
        "import", str(source), "--transcript", MEETING, "--content", str(content)
    )

    assert result.returncode == 0, result.stderr
    assert (
        "Распознано: 71 реплика, 4 выступающих, 6 отметок времени, 0 таблиц."
        in result.stdout
    )
    assert (
        "  Воронцов Игорь Сергеевич — 5 реплик (в тексте также: Воронцов И. С.)"
        in result.stdout
    )
    transcript = content / "meetings" / "transcripts" / "2021-09-22-planirovanie.md"
    assert transcript.read_text(encoding="utf-8").startswith("СТЕНОГРАММА\n\n")
    assert (content / MEETING).read_text(encoding="utf-8") == meeting_before.replace(
        "Transcript: \n", "Transcript: transcripts/2021-09-22-planirovanie.md\n"
    )
    check = run_invoke("check", "--content", str(content))
    assert check.returncode == 0, check.stdout + check.stderr

    again = run_invoke(
        "import", str(source), "--transcript", MEETING, "--content", str(content)
    )
    assert again.returncode == 2
    assert "Ничего не записано. Чтобы заменить их, добавьте --force." in again.stderr


def test_an_imported_article_passes_the_check_once_its_images_are_described(
    site_copy, tmp_path
):
    content = site_copy("word_import_meeting_without_transcript")
    word = WordFile()
    word.heading("Казань: опыт агломерации")
    word.paragraph("Текст статьи.")
    word.image("")
    source = word.save(tmp_path / "statya.docx")

    result = run_invoke(
        "import", str(source), "--kind", "article", "--content", str(content)
    )
    assert result.returncode == 0, result.stderr
    written = next((content / "articles").glob("*-kazan-opyt-aglomeratsii.md"))
    relative = written.relative_to(content).as_posix()

    check = run_invoke("check", "--content", str(content))
    assert check.returncode == 1
    assert (
        f"{relative}:11: у изображения вместо описания стоит «ОПИШИТЕ ИЗОБРАЖЕНИЕ»"
        in check.stderr
    )

    text = written.read_text(encoding="utf-8")
    written.write_text(
        text.replace("ОПИШИТЕ ИЗОБРАЖЕНИЕ", "Карта Казани"), encoding="utf-8"
    )
    check = run_invoke("check", "--content", str(content))
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_doc_file_is_asked_to_be_saved_as_docx(site_copy, tmp_path):
    content = site_copy("word_import_meeting_without_transcript")
    old = tmp_path / "doklad.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    result = run_invoke(
        "import", str(old), "--kind", "document", "--content", str(content)
    )
    assert result.returncode == 2
    assert "doklad.doc: файл старого формата Word (.doc) не читается" in result.stderr
    assert not (content / "documents").exists()


def test_import_asks_for_a_kind_or_a_meeting(tmp_path):
    result = run_invoke("import", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "укажите либо --kind article|digest|document|meeting" in result.stderr
