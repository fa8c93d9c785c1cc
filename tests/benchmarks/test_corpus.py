import re

from benchmarks.corpus import FORMS, change_one_word, documents, edited_file


def test_the_same_seed_gives_the_same_corpus():
    assert documents(60) == documents(60)


def test_five_percent_meetings_with_transcripts_of_the_asked_length():
    docs = documents(200, transcript_words=3000)
    meetings = [doc for doc in docs if doc.transcript is not None]
    assert len(docs) == 200
    assert len(meetings) == 10
    words = len(re.findall(r"\w+", meetings[0].transcript))
    assert 2700 < words < 3600, words


def test_without_meetings_the_same_count_and_no_transcript():
    docs = documents(200, meetings=False)
    assert len(docs) == 200
    assert all(doc.transcript is None for doc in docs)
    assert {doc.section for doc in docs} == {"articles", "digests", "documents"}


def test_the_three_forms_carry_the_same_texts(tmp_path):
    docs = documents(40, transcript_words=500)
    for form, write in FORMS.items():
        write(docs, tmp_path / form)
    project = sorted((tmp_path / "project").glob("*/*.md"))
    pelican = sorted((tmp_path / "pelican").glob("*/*.md"))
    hugo = sorted((tmp_path / "hugo" / "content").glob("*/*.md"))
    assert len(project) == len(pelican) == len(hugo) == 40
    transcript = next(doc.transcript for doc in docs if doc.transcript)
    meeting = next(path for path in pelican if path.parent.name == "meetings")
    assert transcript in meeting.read_text(encoding="utf-8")
    assert len(list((tmp_path / "project" / "meetings" / "transcripts").iterdir())) == 2


def test_the_edit_changes_one_word_of_one_article(tmp_path):
    docs = documents(40)
    FORMS["project"](docs, tmp_path)
    path = edited_file("project", tmp_path, docs)
    before = path.read_text(encoding="utf-8").split()
    change_one_word(path, 7)
    after = path.read_text(encoding="utf-8").split()
    assert path.parent.name == "articles"
    assert len(after) == len(before)
    assert [a for a, b in zip(after, before, strict=True) if a != b] == ["правка7."]
