"""A preview build that passed shows the next edit of a publication at once,
as the full build would write that page."""

import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from chamber.build_report import PAGES_WRITTEN
from preview.build_process import FAILED, READY, SHOWN
from preview.watcher import start_build
from sitebuild import ROOT, copy_sample_content

WAIT = 120  # seconds: an upper bound on a build of the sample on a busy machine

# One edit of each kind of publication: (its file, the text replaced, the new
# text, its page, the text the page shows).
EDITS = {
    "article": (
        "articles/2021-07-tyumen.md",
        "Пример статьи за III квартал.",
        "Правка статьи за III квартал.",
        "articles/tyumen-praktiki-munitsipalnogo-upravleniya/index.html",
        "Правка статьи",
    ),
    "digest": (
        "digests/2021-03.md",
        "## Нормативные правовые акты",
        "## Правленые нормативные акты",
        "digests/2021-03/index.html",
        "Правленые нормативные акты",
    ),
    "meeting": (
        "meetings/2021-10-20-upravlenie-aglomeratsiyami.md",
        "Пример заседания, видеозапись",
        "Правка заседания, видеозапись",
        "meetings/tematicheskoe-zasedanie-palaty-ob-organizatsii-upravleniya-razvitiem-gorodskikh/index.html",
        "Правка заседания",
    ),
    "document": (
        "documents/2021-03-zakonoproekt-ob-aglomeratsiyakh.md",
        "Пример страницы документа.",
        "Правка страницы документа.",
        "documents/proekt-federalnogo-zakona-o-gorodskikh-aglomeratsiyakh-v-rossiyskoy-federatsii/index.html",
        "Правка страницы документа.",
    ),
    "draft": (
        "articles/2021-08-chernovik.md",
        "Текст черновика.",
        "Правленый текст черновика.",
        "drafts/articles/chernovik/index.html",
        "Правленый текст черновика.",
    ),
    "page": (
        "pages/o-palate.md",
        "В неё входят",
        "В неё, после правки, входят",
        "o-palate/index.html",
        "после правки",
    ),
}


def command(content: Path, output: Path, *more: str) -> list[str]:
    settings = ROOT / "pelicanconf.py"
    return [
        sys.executable,
        *("-m", "preview.build_process", str(content), "-o", str(output)),
        *("-s", str(settings), "--log-handler", "plain", *more),
    ]


def full_build(content: Path, output: Path) -> Path:
    subprocess.run(command(content, output), cwd=ROOT, check=True, capture_output=True)
    return output


def started(content: Path, output: Path, *more: str) -> subprocess.Popen:
    """A preview build, started as the preview starts it."""
    return start_build(command(content, output, *more), ROOT)


class WaitingBuild:
    def __init__(self, content: Path, output: Path, *more: str):
        self.process = started(content, output, *more)
        self.log = []
        for line in self.process.stdout:
            if line.startswith(READY):
                return
            self.log.append(line)
        self.process.wait(timeout=WAIT)

    @property
    def waits(self) -> bool:
        return self.process.poll() is None

    def show(self, *paths: Path) -> list[str]:
        return self.ask([str(path) for path in paths])[-1]

    def ask(self, request) -> list:
        """What it answers to `request`: its failure lines, then the shown."""
        assert self.waits, "".join(self.log)
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        said = [line.rstrip("\n") for line in self.process.stdout]
        self.process.wait(timeout=WAIT)
        answer = [line for line in said if line.startswith((SHOWN, FAILED))]
        assert answer and answer[-1].startswith(SHOWN), "\n".join(said)
        *failed, shown = answer
        return [line.removeprefix(FAILED) for line in failed] + [
            json.loads(shown.removeprefix(SHOWN))
        ]

    def end(self) -> None:
        if self.waits:
            self.process.kill()
        self.process.wait(timeout=WAIT)
        self.process.stdin.close()
        self.process.stdout.close()


DRAFT = "Title: Черновик\nSlug: chernovik\nDate: 2021-08-02\nStatus: draft\n\nТекст черновика.\n"


@pytest.fixture
def sample(tmp_path):
    content = copy_sample_content(tmp_path)
    # The preview writes drafts, at their own address.
    (content / "articles" / "2021-08-chernovik.md").write_text(DRAFT, encoding="utf-8")
    build = WaitingBuild(content, tmp_path / "preview")
    yield content, tmp_path / "preview", build
    build.end()


def edit(content: Path, name: str, old: str, new: str) -> Path:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_each_kind_of_publication_is_shown_as_the_full_build_writes_it(
    sample, tmp_path
):
    content, preview, build = sample
    for name, old, new, _page, _shows in EDITS.values():
        edit(content, name, old, new)
    shown = build.show(*(content / name for name, *_ in EDITS.values()))
    assert sorted(shown) == sorted(
        page.removesuffix("index.html") for *_, page, _shows in EDITS.values()
    )
    full = full_build(content, tmp_path / "full")
    for kind, (*_, page, shows) in EDITS.items():
        at_once = (preview / page).read_bytes()
        soup = BeautifulSoup(at_once, "html.parser")
        assert shows in soup.find("main").get_text(" "), kind
        assert at_once == (full / page).read_bytes(), kind


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        # The address comes from the title: the page moves.
        ("articles/2021-07-tyumen.md", "Title: Тюмень", "Title: Омск"),
        ("articles/2021-07-tyumen.md", "Date: 2021-07-15", "Date: 15 июля"),
        ("articles/2021-07-tyumen.md", "City: Тюмень", "City: Атлантида"),
        # What the meeting shows from its transcript is read with the others.
        (
            "meetings/transcripts/2021-10-20-upravlenie-aglomeratsiyami.md",
            "\n\n",
            "\n\nПравка стенограммы.\n\n",
        ),
    ],
    ids=["address_changes", "date_is_wrong", "city_is_unknown", "transcript"],
)
def test_an_edit_the_page_alone_cannot_show_waits_for_the_full_build(
    name, old, new, sample
):
    content, preview, build = sample
    before = {page: (preview / page).read_bytes() for *_, page, _ in EDITS.values()}
    assert build.show(edit(content, name, old, new)) == []
    assert {page: (preview / page).read_bytes() for page in before} == before


NEW_ARTICLE = """Title: Омск: новая статья
Slug: tyumen-novaya
Date: 2021-08-10
Summary: Новая статья, добавленная в предпросмотре.
Tags: агломерации
Authors: Иванова Мария Сергеевна
City: Тюмень

Текст новой статьи.
"""


def test_a_new_publication_is_shown_as_the_full_build_writes_it(sample, tmp_path):
    content, preview, build = sample
    added = content / "articles" / "2021-08-tyumen-novaya.md"
    added.write_text(NEW_ARTICLE, encoding="utf-8")
    assert build.show(added) == ["articles/tyumen-novaya/"]
    page = "articles/tyumen-novaya/index.html"
    at_once = (preview / page).read_bytes()
    soup = BeautifulSoup(at_once, "html.parser")
    assert "Текст новой статьи." in soup.find("main").get_text(" ")
    full = full_build(content, tmp_path / "full")
    assert at_once == (full / page).read_bytes()


def test_an_image_first_used_in_the_edit_has_its_sized_copies_written(tmp_path):
    content = copy_sample_content(tmp_path)
    Image.new("RGB", (1000, 500), (40, 90, 160)).save(content / "images" / "novaya.png")
    build = WaitingBuild(content, tmp_path / "preview")
    try:
        article = edit(
            content,
            "articles/2021-07-tyumen.md",
            "Пример статьи за III квартал.",
            "Пример статьи за III квартал.\n\n![Схема агломерации](/images/novaya.png)",
        )
        assert build.show(article) == [
            "articles/tyumen-praktiki-munitsipalnogo-upravleniya/"
        ]
    finally:
        build.end()
    page = "articles/tyumen-praktiki-munitsipalnogo-upravleniya/index.html"
    soup = BeautifulSoup((tmp_path / "preview" / page).read_bytes(), "html.parser")
    image = soup.find("img", alt="Схема агломерации")
    copies = [candidate.split()[0] for candidate in image["srcset"].split(", ")]
    assert copies == [
        "/images/w480/novaya.png",
        "/images/w800/novaya.png",
        "/images/novaya.png",
    ]
    full = full_build(content, tmp_path / "full")
    for url in copies[:-1]:
        relative = url.lstrip("/")
        assert (tmp_path / "preview" / relative).read_bytes() == (
            full / relative
        ).read_bytes(), url


def test_a_meeting_given_a_transcript_has_its_files_written(tmp_path):
    """A transcript added earlier, then named by its meeting: the meeting's
    page links the transcript's text and captions at once."""
    content = copy_sample_content(tmp_path)
    transcripts = content / "meetings" / "transcripts"
    shutil.copy(
        transcripts / "2021-02-18-ustanovochnoe.md",
        transcripts / "2021-09-22-planirovanie-aglomeratsiy.md",
    )
    build = WaitingBuild(content, tmp_path / "preview")
    try:
        meeting = edit(
            content,
            "meetings/2021-09-22-planirovanie-aglomeratsiy.md",
            "Plan: 2021-10",
            "Transcript: transcripts/2021-09-22-planirovanie-aglomeratsiy.md\nPlan: 2021-10",
        )
        [shown] = build.show(meeting)
    finally:
        build.end()
    soup = BeautifulSoup(
        (tmp_path / "preview" / shown / "index.html").read_bytes(), "html.parser"
    )
    preview = (tmp_path / "preview").resolve()
    files = {  # the links are relative to the page
        (preview / shown / link["href"]).resolve().relative_to(preview)
        for link in soup.select("a[href$='.txt'], a[href$='.vtt']")
    }
    assert any(path.suffix == ".txt" for path in files), files
    full = full_build(content, tmp_path / "full")
    for relative in files:
        assert (preview / relative).read_bytes() == (full / relative).read_bytes()


def test_a_page_s_edit_leaves_the_meetings_files_alone(sample):
    content, preview, build = sample
    files = sorted(preview.glob("meetings/**/*.txt"))
    assert files
    before = {path: path.stat().st_mtime_ns for path in files}
    name, old, new, *_ = EDITS["page"]
    assert build.show(edit(content, name, old, new)) == ["o-palate/"]
    assert {path: path.stat().st_mtime_ns for path in files} == before


def test_a_new_file_at_an_address_in_use_waits_for_the_full_build(sample):
    content, preview, build = sample
    page = preview / "articles/tyumen-praktiki-munitsipalnogo-upravleniya/index.html"
    before = page.read_bytes()
    added = content / "articles" / "2021-08-tyumen-kopiya.md"
    shutil.copy(content / "articles" / "2021-07-tyumen.md", added)
    assert build.show(added) == []
    assert page.read_bytes() == before


def test_a_new_page_at_a_section_address_waits_for_the_full_build(sample):
    content, preview, build = sample
    listed = preview / "meetings" / "index.html"
    before = listed.read_bytes()
    added = content / "pages" / "zasedaniya.md"
    added.write_text("Title: Заседания\nSlug: meetings\n\nТекст.\n", encoding="utf-8")
    assert build.show(added) == []
    assert listed.read_bytes() == before


def test_two_new_files_at_one_address_wait_for_the_full_build(sample):
    content, _preview, build = sample
    first = content / "articles" / "2021-08-tyumen-novaya.md"
    second = content / "articles" / "2021-08-tyumen-novaya-2.md"
    first.write_text(NEW_ARTICLE, encoding="utf-8")
    second.write_text(NEW_ARTICLE, encoding="utf-8")
    assert build.show(first, second) == []


def test_a_file_outside_the_publications_waits_for_the_full_build(sample):
    content, _preview, build = sample
    image = content / "images" / "primer-skhema.svg"
    assert build.show(image, content / "articles" / "2021-07-tyumen.md") == []


def test_a_failure_of_the_step_itself_is_said_and_shows_nothing(sample):
    _content, preview, build = sample
    page = preview / "articles/tyumen-praktiki-munitsipalnogo-upravleniya/index.html"
    before = page.read_bytes()
    # No path the watcher would send: the step fails on it.
    failed, shown = build.ask([1])
    assert failed.startswith("TypeError: ")
    assert shown == []
    assert page.read_bytes() == before


def test_a_build_interrupted_at_its_end_does_not_wait(tmp_path):
    """Ctrl+C while the search index is made: Pelican swallows it and returns,
    and the build must not wait as if it had passed."""
    content = copy_sample_content(tmp_path)
    process = started(content, tmp_path / "preview")
    said = []
    try:
        for line in process.stdout:
            said.append(line)
            if line.startswith(PAGES_WRITTEN):
                process.send_signal(signal.SIGINT)
            if line.startswith(READY):
                break
        assert not any(line.startswith(READY) for line in said), "".join(said)
        assert process.wait(timeout=WAIT) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.stdin.close()
        process.stdout.close()
    assert any(line.startswith(PAGES_WRITTEN) for line in said), "".join(said)
    # Pelican's own word that the signal came during the build.
    assert any("Keyboard interrupt" in line for line in said), "".join(said)


def test_a_failed_build_does_not_wait(tmp_path):
    content = copy_sample_content(tmp_path)
    build = WaitingBuild(content, tmp_path / "preview", "-e", 'PLAN_AS_OF="вчера"')
    try:
        assert not build.waits
        assert build.process.returncode != 0
        assert "PLAN_AS_OF: «вчера» — не дата" in "".join(build.log)
    finally:
        build.end()


def test_a_preview_with_an_error_waits_and_shows_the_other_edits(tmp_path):
    """The preview builds on past an editor's error and reports it; another
    publication's edit is still shown at once."""
    content = copy_sample_content(tmp_path)
    edit(content, "articles/2021-07-tyumen.md", "Date: 2021-07-15", "Date: 15 июля")
    build = WaitingBuild(content, tmp_path / "preview")
    try:
        assert "2021-07-tyumen.md" in "".join(build.log)
        kazan = edit(
            content,
            "articles/2021-03-kazan-aglomeratsiya.md",
            "Эта статья — **пример публикации**.",
            "Эта статья — правленый пример.",
        )
        page = (
            "articles/kazan-kak-stolitsa-tatarstana-upravlyaet-razvitiem-aglomeratsii/"
        )
        assert build.show(kazan) == [page]
        shown = BeautifulSoup(
            (tmp_path / "preview" / page / "index.html").read_bytes(), "html.parser"
        )
        assert "правленый пример" in shown.find("main").get_text(" ")
    finally:
        build.end()
