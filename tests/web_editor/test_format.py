"""admin.js's file format, run by Node on the project's own files."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from chamber.cities import load_cities
from chamber.header import header_problems
from chamber.plan.model import load_plans
from chamber.russian.slugs import TRANSLITERATION, slugify
from sitebuild import ROOT
from web_editor.config import Backend, cms_config

ADMIN_JS = ROOT / "web_editor" / "static" / "admin.js"
NODE = shutil.which("node")
# Every publication the project ships, with CRLF and missing-newline variants;
# not the fixtures whose header the content model itself refuses (a repeated
# field), which no editor could have saved.
SAMPLES = sorted(
    path
    for folder in (ROOT / "content", ROOT / "tests" / "fixtures" / "sites")
    for path in folder.rglob("*.md")
    if "transcripts" not in path.parts
    and not header_problems(path.read_text(encoding="utf-8", errors="replace"))
)


def run_format(collection: str, calls: list[dict]) -> list:
    """Each call is {"read": text} or {"write": data}; returns the results."""
    config = cms_config(
        load_cities(), load_plans(ROOT / "content" / "plans")[0], Backend()
    )
    chosen = next(c for c in config["collections"] if c["name"] == collection)
    script = (
        f"const {{ pelicanFormat }} = require({json.dumps(str(ADMIN_JS))});"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const format = pelicanFormat(input.collection);"
        "const out = input.calls.map((c) => 'read' in c ? format.fromFile(c.read)"
        " : 'roundtrip' in c ? format.toFile(format.fromFile(c.roundtrip))"
        " : format.toFile(c.write));"
        "process.stdout.write(JSON.stringify(out));"
    )
    result = subprocess.run(
        [NODE, "-e", script],
        input=json.dumps({"collection": chosen, "calls": calls}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def section_of(path: Path) -> str:
    for part in path.parts[::-1]:
        if part in ("articles", "digests", "meetings", "documents", "pages"):
            return part
    return "pages"


@pytest.fixture(scope="module", autouse=True)
def node():
    if NODE is None:
        pytest.fail("Нет Node.js: установите пакет nodejs.", pytrace=False)


def test_open_and_save_leaves_every_sample_byte_for_byte_the_same():
    by_section: dict[str, list[Path]] = {}
    for path in SAMPLES:
        by_section.setdefault(section_of(path), []).append(path)
    assert len(SAMPLES) > 20
    for section, paths in by_section.items():
        texts = []
        for path in paths:
            text = path.read_bytes().decode("utf-8", errors="surrogateescape")
            texts += [text, text.replace("\n", "\r\n"), text.rstrip("\n")]
        results = run_format(section, [{"roundtrip": t} for t in texts])
        for text, saved in zip(texts, results, strict=True):
            assert saved == text, (section, text[:80])


def test_fields_are_read_as_the_widgets_want_them():
    text = (
        "Title: Заседание\nDate: 2021-09-22 10:00\nFormat: ВКС\n"
        "Video: Часть 1 https://rutube.ru/video/a/, Часть 2 https://vk.com/video-1_2\n"
        "Plan: 2021-10, 2021-8\nSummary: Первая строка\n    вторая строка\n\nТекст.\n"
    )
    [data] = run_format("meetings", [{"read": text}])
    assert data["video"] == [
        "Часть 1 https://rutube.ru/video/a/",
        "Часть 2 https://vk.com/video-1_2",
    ]
    assert data["plan"] == ["2021-10", "2021-8"]
    assert data["summary"] == "Первая строка\nвторая строка"
    assert data["body"] == "Текст.\n"


def test_a_changed_field_is_rewritten_and_the_rest_kept():
    text = "Title: Старый\nDate: 2021-03-24\nCity:   Казань\n\nТекст.\n"
    [data] = run_format("articles", [{"read": text}])
    data["title"] = "Новый"
    data["plan"] = ["2021-13"]
    [saved] = run_format("articles", [{"write": data}])
    assert (
        saved
        == "Title: Новый\nDate: 2021-03-24\nCity:   Казань\nPlan: 2021-13\n\nТекст.\n"
    )


def test_a_new_publication_is_written_in_the_order_of_invoke_new():
    data = {
        "city": "Казань",
        "plan": ["2021-13"],
        "title": "Статья",
        "date": "2021-07-01 10:00",
        "status": "draft",
        "tags": "",
        "body": "Текст.",
    }
    [saved] = run_format("articles", [{"write": data}])
    assert saved == (
        "Title: Статья\nDate: 2021-07-01 10:00\nStatus: draft\nCity: Казань\n"
        "Plan: 2021-13\n\nТекст.\n"
    )


def test_file_names_are_transliterated_as_invoke_new_does():
    titles = [
        "Ежемесячный дайджест: Казань, № 5",
        "Объём — щедрый «ёж»",
        "  Тюмень 2021  ",
    ]
    script = (
        f"const {{ slugify }} = require({json.dumps(str(ADMIN_JS))});"
        f"const letters = {json.dumps(TRANSLITERATION, ensure_ascii=False)};"
        f"const titles = {json.dumps(titles, ensure_ascii=False)};"
        "process.stdout.write(JSON.stringify(titles.map((t) => slugify(t, letters))));"
    )
    result = subprocess.run(
        [NODE, "-e", script], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [slugify(title) for title in titles]
