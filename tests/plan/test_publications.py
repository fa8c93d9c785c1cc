from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from chamber.cities import City
from chamber.fields import PlanRef
from chamber.plan.status import Publication
from chamber.publication import PublicationRecord, TranscriptFile
from chamber.video import labelled_video as LabelledVideo
from plan.publications import as_publication, plan_publications

SITEURL = "https://palata.example.ru"
MOSCOW = ZoneInfo("Europe/Moscow")


def content(**fields):
    """A Pelican content object as the content model leaves it: only what is read."""
    values = {
        "title": "Заседание",
        "url": "meetings/zasedanie/",
        "date": datetime(2021, 2, 16, 11, 0, tzinfo=MOSCOW),
        "status": "published",
    } | {
        name: fields.pop(name)
        for name in {"title", "url", "date", "status"} & set(fields)
    }
    record = {
        "section": "meetings",
        "plan": (PlanRef(2021, 1, "Пункт 1"), PlanRef(2021, 6, "Пункт 6")),
    } | fields
    if record.get("transcript"):
        record["transcript"] = TranscriptFile(record["transcript"], None)
    return SimpleNamespace(**values, record=PublicationRecord(**record))


def test_meeting_with_video_and_transcript():
    meeting = content(
        video=(
            LabelledVideo(
                None, "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"
            ),
        ),
        transcript="meetings/transcripts/zasedanie.md",
    )
    assert as_publication(meeting, SITEURL) == Publication(
        title="Заседание",
        url="https://palata.example.ru/meetings/zasedanie/",
        date=date(2021, 2, 16),
        section="meetings",
        plan_refs=("2021-1", "2021-6"),
        published=True,
        has_video=True,
        has_transcript=True,
    )


def test_meeting_without_transcript():
    meeting = content(
        video=(
            LabelledVideo(
                None, "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"
            ),
        ),
        transcript=None,
    )
    publication = as_publication(meeting, SITEURL)
    assert (publication.has_video, publication.has_transcript) == (True, False)


def test_draft_is_not_published():
    assert not as_publication(content(status="draft"), SITEURL).published


def test_late_evening_counts_on_its_moscow_day():
    evening = content(date=datetime(2021, 3, 31, 23, 30, tzinfo=MOSCOW))
    assert as_publication(evening, SITEURL).date == date(2021, 3, 31)


def test_digest_keeps_its_month_and_article_its_city():
    digest = content(section="digests", month="2021-03", plan=(PlanRef(2021, 15, "Д"),))
    article = content(
        section="articles",
        city=City("Казань", "Республика Татарстан", "Приволжский"),
        plan=(PlanRef(2021, 13, "С"),),
    )
    assert as_publication(digest, SITEURL).month == "2021-03"
    assert as_publication(article, SITEURL).city == "Казань"
    assert as_publication(article, SITEURL).month is None


def test_preview_addresses_are_site_relative():
    assert as_publication(content(), "").url == "/meetings/zasedanie/"


def test_only_publications_with_plan_references_are_kept():
    unreferenced = content(title="Без пункта", plan=())
    # Pelican content outside the content model has no `plan` at all.
    foreign = SimpleNamespace(title="Страница", url="o-palate/")
    publications = plan_publications([content(), unreferenced, foreign], SITEURL)
    assert [publication.title for publication in publications] == ["Заседание"]
