"""One seeded corpus of publications, written in three forms for the benchmark.

The same documents, word for word, become this project's content (its fields,
transcripts in their own files, the real work plans), bare Pelican Markdown
(title, date, tags, author; a meeting's transcript in its body) and Hugo
content (the same in YAML front matter). Only the form differs, so the builds
compare the tools, not the texts.
"""

import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 2021
# Of every hundred documents.
SHARES = {"meetings": 5, "digests": 10, "documents": 15}
WORDS_PER_TURN = 150
FIRST_DAY = date(2016, 1, 1)
DECADE_DAYS = 3652

# Short words, quotes and dashes too: typography has to find something to do.
VOCABULARY = [
    "город",
    "агломерация",
    "развитие",
    "муниципальный",
    "управление",
    "планирование",
    "транспорт",
    "жители",
    "бюджет",
    "программа",
    "региональный",
    "совет",
    "проект",
    "закон",
    "полномочия",
    "органы",
    "взаимодействие",
    "практика",
    "опыт",
    "стратегия",
    "территория",
    "инфраструктура",
    "и",
    "в",
    "на",
    "с",
    "по",
    "для",
    "от",
    "к",
    "о",
    "не",
    "что",
    "это",
    "как",
    "мэрия",
    "район",
    "улица",
    "школа",
    "дорога",
    "парк",
    "жильё",
    "инвестиции",
    "субсидия",
    "тариф",
    "—",
    "отчёт",
    "заседание",
    "решение",
    "предложение",
]
CITIES = ("Казань", "Тюмень", "Вологда", "Томск", "Самара", "Пермь", "Омск", "Киров")
AUTHORS = tuple(
    f"{surname} {name}"
    for surname in ("Иванова", "Петров", "Сидорова", "Кузнецов", "Орлова")
    for name in ("Мария Сергеевна", "Андрей Павлович")
)
SPEAKERS = tuple(
    f"{surname} {name}"
    for surname in ("Воронцов", "Королёв", "Белова", "Громов", "Лебедева", "Соколов")
    for name in ("Игорь Олегович", "Анна Сергеевна", "Пётр Андреевич", "Ольга Ивановна")
)
ROLES = ("глава города", "эксперт", "председатель Палаты", "советник главы")
RUTUBE = "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"
ATTACHMENT = "doklad.pdf"


@dataclass(frozen=True)
class Document:
    section: str  # articles, digests, meetings, documents
    slug: str
    title: str
    day: date
    tags: tuple[str, ...]
    author: str | None
    city: str | None
    body: str  # Markdown
    month: str | None = None  # a digest's ГГГГ-ММ
    transcript: str | None = None  # a meeting's, Markdown with **Name** [time] turns
    plan: tuple[str, ...] = field(default=())


def documents(
    count: int, *, meetings: bool = True, transcript_words: int = 10_000
) -> list[Document]:
    """`count` documents; 5% meetings unless `meetings` is False (then articles)."""
    rng = random.Random(SEED)
    shares = {**SHARES, "meetings": SHARES["meetings"] if meetings else 0}
    quota = {section: count * share // 100 for section, share in shares.items()}
    if meetings and count and not quota["meetings"]:
        quota["meetings"] = 1  # a small corpus still has a long transcript
    quota["articles"] = count - sum(quota.values())
    made = []
    for section, how_many in quota.items():
        for number in range(how_many):
            made.append(_document(rng, section, number, transcript_words))
    return made


def _document(rng, section: str, number: int, transcript_words: int) -> Document:
    day = FIRST_DAY + timedelta(days=rng.randrange(DECADE_DAYS))
    in_plan_year = day.year == 2021
    tags = (rng.choice(("агломерации", "бюджет", "транспорт")), f"тема {number % 9}")
    if section == "digests":
        # One digest a month, from the first month on.
        year, month = FIRST_DAY.year + number // 12, number % 12 + 1
        label = f"{year}-{month:02d}"
        return Document(
            section,
            f"{label}",
            f"Дайджест {label}",
            date(year, month, 28),
            tags,
            None,
            None,
            _body(rng, 3),
            month=label,
            plan=("2021-15",) if year == 2021 else (),
        )
    if section == "meetings":
        return Document(
            section,
            f"zasedanie-{number}",
            f"Заседание номер {number}",
            day,
            tags,
            None,
            None,
            _body(rng, 1),
            transcript=_transcript(rng, transcript_words),
            plan=("2021-10",) if in_plan_year else (),
        )
    if section == "documents":
        return Document(
            section,
            f"dokument-{number}",
            f"Документ номер {number}",
            day,
            tags,
            None,
            None,
            _body(rng, 2),
            plan=("2021-12",) if in_plan_year else (),
        )
    return Document(
        section,
        f"statya-{number}",
        f"Статья номер {number}",
        day,
        tags,
        AUTHORS[number % len(AUTHORS)],
        CITIES[number % len(CITIES)],
        _body(rng, 3),
        plan=("2021-13",) if in_plan_year else (),
    )


def _sentence(rng, words: int) -> str:
    text = " ".join(rng.choice(VOCABULARY) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng, words: int) -> str:
    sentences = [_sentence(rng, 15) for _ in range(max(1, words // 15))]
    if rng.random() < 0.3:
        sentences.append('Программа "Город для жителей" принята.')
    return " ".join(sentences)


def _body(rng, sections: int) -> str:
    parts = []
    for number in range(sections):
        parts.append(f"## Раздел {number + 1}")
        parts += [_paragraph(rng, 60) for _ in range(3)]
        parts.append(f"- {_sentence(rng, 10)} [Источник](https://example.ru/)")
    return "\n\n".join(parts) + "\n"


def _transcript(rng, words: int) -> str:
    turns, seconds = [], 0
    roles: dict[str, str] = {}
    for _ in range(max(1, words // WORDS_PER_TURN)):
        speaker = rng.choice(SPEAKERS)
        head = speaker
        if speaker not in roles:
            roles[speaker] = rng.choice(ROLES)
            head = f"{speaker}, {roles[speaker]}"
        hours, rest = divmod(seconds, 3600)
        stamp = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
        turns.append(f"**{head}** [{stamp}]\n{_paragraph(rng, WORDS_PER_TURN)}")
        seconds += rng.randrange(40, 120)
    return "Стенограмма заседания.\n\n" + "\n\n".join(turns) + "\n"


# The three forms ------------------------------------------------------------


def write_project(docs: list[Document], content: Path) -> None:
    """This project's content folder: its fields, the real plans, transcripts apart."""
    shutil.copytree(ROOT / "content" / "plans", content / "plans")
    (content / "files").mkdir(parents=True)
    (content / "files" / ATTACHMENT).write_bytes(b"%PDF-1.4\n" + b"0" * 50_000)
    for doc in docs:
        fields = [f"Title: {doc.title}", f"Date: {_project_date(doc)}"]
        fields.append(f"Tags: {', '.join(doc.tags)}")
        if doc.author:
            fields += [f"Authors: {doc.author}", f"City: {doc.city}"]
        if doc.month:
            fields.append(f"Month: {doc.month}")
        if doc.section == "documents":
            fields += ["Kind: Доклад", "Stage: проект", f"Attachments: {ATTACHMENT}"]
        if doc.transcript is not None:
            transcript = f"transcripts/{doc.slug}.md"
            fields += ["Format: ВКС", f"Video: {RUTUBE}", f"Transcript: {transcript}"]
            _write(content / "meetings" / transcript, doc.transcript)
        if doc.plan:
            fields.append(f"Plan: {', '.join(doc.plan)}")
        _write(_project_path(content, doc), "\n".join(fields) + "\n\n" + doc.body)


def write_bare_pelican(docs: list[Document], content: Path) -> None:
    """Plain Pelican Markdown: the common fields, a meeting's transcript in its body."""
    for doc in docs:
        fields = [
            f"Title: {doc.title}",
            f"Date: {doc.day.isoformat()}",
            f"Category: {doc.section}",
            f"Slug: {doc.slug}",
            f"Tags: {', '.join(doc.tags)}",
        ]
        if doc.author:
            fields.append(f"Authors: {doc.author}")
        _write(
            content / doc.section / f"{doc.slug}.md",
            "\n".join(fields) + "\n\n" + _full_body(doc),
        )


HUGO_CONFIG = """\
baseURL = "https://palata.example.ru/"
languageCode = "ru"
defaultContentLanguage = "ru"
title = "Палата городов-центров"
timeZone = "Europe/Moscow"
paginate = 20
[taxonomies]
tag = "tags"
author = "authors"
city = "cities"
"""
# Enough theme for Hugo to write what Pelican writes: pages, lists, terms, feeds.
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="ru"><head><meta charset="utf-8">'
        "<title>{{ .Title }} — {{ site.Title }}</title></head>"
        '<body><main>{{ block "main" . }}{{ end }}</main></body></html>\n'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
        '<time datetime="{{ .Date.Format "2006-01-02" }}">'
        '{{ .Date.Format "02.01.2006" }}</time>'
        '{{ with .Params.tags }}<ul>{{ range . }}<li><a href="{{ "tags/" | relURL }}'
        '{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}'
        "{{ .Content }}</article>{{ end }}\n"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>'
        '{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}'
        "</a> {{ .Summary }}</li>{{ end }}</ul>"
        '{{ template "_internal/pagination.html" . }}{{ end }}\n'
    ),
}


def write_hugo(docs: list[Document], site: Path) -> None:
    """A Hugo site: config, a minimal theme, the same documents with front matter."""
    _write(site / "hugo.toml", HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        _write(site / "layouts" / name, text)
    for doc in docs:
        front = [
            "---",
            f'title: "{doc.title}"',
            f"date: {doc.day.isoformat()}T10:00:00+03:00",
            f'slug: "{doc.slug}"',
            "tags: [" + ", ".join(f'"{tag}"' for tag in doc.tags) + "]",
        ]
        if doc.author:
            front += [f'authors: ["{doc.author}"]', f'cities: ["{doc.city}"]']
        front.append("---")
        _write(
            site / "content" / doc.section / f"{doc.slug}.md",
            "\n".join(front) + "\n\n" + _full_body(doc),
        )


FORMS = {"project": write_project, "pelican": write_bare_pelican, "hugo": write_hugo}


def edited_file(form: str, folder: Path, docs: list[Document]) -> Path:
    """The one file the rebuild measurement edits: the first article, in `form`."""
    doc = next(doc for doc in docs if doc.section == "articles")
    if form == "project":
        return _project_path(folder, doc)
    if form == "hugo":
        return folder / "content" / doc.section / f"{doc.slug}.md"
    return folder / doc.section / f"{doc.slug}.md"


def change_one_word(path: Path, run: int) -> None:
    """Replace the file's last word, differently on every run."""
    text = path.read_text(encoding="utf-8").rstrip()
    head, _, _ = text.rpartition(" ")
    path.write_text(f"{head} правка{run}.\n", encoding="utf-8")


def _full_body(doc: Document) -> str:
    if doc.transcript is None:
        return doc.body
    return f"{doc.body}\n## Стенограмма\n\n{doc.transcript}"


def _project_date(doc: Document) -> str:
    return f"{doc.day.isoformat()} 10:00" if doc.transcript else doc.day.isoformat()


def _project_path(content: Path, doc: Document) -> Path:
    return content / doc.section / f"{doc.slug}.md"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
