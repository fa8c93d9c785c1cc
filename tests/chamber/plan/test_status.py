from dataclasses import replace
from datetime import date

import pytest

from chamber.plan.model import Item, ManualEvidence, Plan, Section
from chamber.plan.status import (
    EvidenceLink,
    Publication,
    compute_report,
)


def make_item(number: int = 1, **fields: object) -> Item:
    values = {
        "number": number,
        "section": 1,
        "title": f"Пункт {number}",
        "deadline": "февраль-март",
        "result": "Итог",
        "schedule": "once",
        "months": (2, 3),
        "evidence": ("meetings",),
        "requires": (),
        "count": 1,
        "manual_evidence": (),
    } | fields
    return Item(**values)


def make_plan(*items: Item) -> Plan:
    return Plan(
        year=2021,
        title="План",
        document_status="Проект",
        sections=(Section(1, "Раздел"),),
        items=items,
    )


def publication(title: str, on: date, **fields: object) -> Publication:
    values = {
        "title": title,
        "url": f"https://example.org/{title.replace(' ', '-')}/",
        "date": on,
        "section": "meetings",
        "plan_refs": ("2021-1",),
        "published": True,
    } | fields
    return Publication(**values)


def status_of(item: Item, publications: list[Publication], as_of: date):
    (item_status,) = compute_report(make_plan(item), publications, as_of).items
    return item_status


MEETING = publication("Заседание группы", date(2021, 3, 5))
MONTHLY_DIGESTS = make_item(15, schedule="monthly", months=None, evidence=("digests",))
QUARTERLY_CITY_ARTICLES = make_item(
    13, schedule="quarterly", months=None, evidence=("articles",), requires=("city",)
)
YEAR_ARTICLES = make_item(14, schedule="year", months=None, evidence=("articles",))


def digest(month: str, on: date, **fields: object) -> Publication:
    return publication(
        f"Дайджест {month}",
        on,
        section="digests",
        plan_refs=("2021-15",),
        month=month,
        **fields,
    )


def city_article(title: str, on: date, city: str | None = "Казань") -> Publication:
    return publication(title, on, section="articles", plan_refs=("2021-13",), city=city)


def article(title: str, on: date) -> Publication:
    return publication(title, on, section="articles", plan_refs=("2021-14",))


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2021, 1, 31), "planned"),
        (date(2021, 2, 1), "in_progress"),
        (date(2021, 3, 31), "in_progress"),
        (date(2021, 4, 1), "overdue"),
    ],
)
def test_one_off_window_includes_its_first_and_last_day(as_of, expected):
    assert status_of(make_item(), [], as_of).status == expected


def test_one_off_without_publications_says_so():
    assert status_of(make_item(), [], date(2021, 4, 1)).missing == ("нет публикаций",)


def test_one_off_before_its_window_misses_nothing_yet():
    assert status_of(make_item(), [], date(2021, 1, 1)).missing == ()


def test_one_off_with_evidence_is_done_even_before_its_window():
    item_status = status_of(make_item(), [MEETING], date(2021, 3, 5))
    assert item_status.status == "done"
    assert item_status.evidence == (
        EvidenceLink("Заседание группы", MEETING.url, date(2021, 3, 5)),
    )
    assert item_status.missing == ()
    assert item_status.progress is None


def test_one_off_done_late_stays_done():
    late = replace(MEETING, date=date(2021, 6, 1))
    assert status_of(make_item(), [late], date(2021, 7, 1)).status == "done"


def test_evidence_dated_after_as_of_is_ignored():
    item_status = status_of(make_item(), [MEETING], date(2021, 3, 4))
    assert item_status.status == "in_progress"
    assert item_status.evidence == ()


def test_draft_is_ignored():
    draft = replace(MEETING, published=False)
    item_status = status_of(make_item(), [draft], date(2021, 4, 1))
    assert item_status.status == "overdue"
    assert item_status.missing == ("нет публикаций",)


def test_publication_in_another_section_is_related_not_evidence():
    document = replace(MEETING, section="documents")
    item_status = status_of(make_item(), [document], date(2021, 4, 1))
    assert item_status.status == "overdue"
    assert item_status.evidence == ()
    assert item_status.related == (
        EvidenceLink("Заседание группы", MEETING.url, date(2021, 3, 5)),
    )


def test_related_draft_or_future_publication_is_not_shown():
    later = replace(MEETING, section="documents", date=date(2021, 5, 1))
    draft = replace(MEETING, section="documents", published=False)
    assert status_of(make_item(), [later, draft], date(2021, 4, 1)).related == ()


def test_publication_referencing_another_item_or_year_is_ignored():
    others = [
        replace(MEETING, plan_refs=("2021-2",)),
        replace(MEETING, plan_refs=("2022-1",)),
    ]
    assert status_of(make_item(), others, date(2021, 4, 1)).evidence == ()


def test_meeting_without_transcript_is_not_evidence():
    item = make_item(10, months=(9, 9), requires=("video", "transcript"))
    meeting = publication(
        "Заседание Палаты", date(2021, 9, 20), plan_refs=("2021-10",), has_video=True
    )
    item_status = status_of(item, [meeting], date(2021, 10, 1))
    assert item_status.status == "overdue"
    assert item_status.evidence == ()
    assert item_status.missing == ("Заседание Палаты: нет стенограммы",)


def test_meeting_without_video_and_transcript_misses_both():
    item = make_item(10, months=(9, 9), requires=("video", "transcript"))
    meeting = publication("Заседание Палаты", date(2021, 9, 20), plan_refs=("2021-10",))
    assert status_of(item, [meeting], date(2021, 9, 21)).missing == (
        "Заседание Палаты: нет видеозаписи",
        "Заседание Палаты: нет стенограммы",
    )


def test_meeting_with_video_and_transcript_is_done():
    item = make_item(10, months=(9, 9), requires=("video", "transcript"))
    meeting = publication(
        "Заседание Палаты",
        date(2021, 9, 20),
        plan_refs=("2021-10",),
        has_video=True,
        has_transcript=True,
    )
    assert status_of(item, [meeting], date(2021, 9, 20)).status == "done"


def test_count_above_one_reports_partial_progress():
    item = make_item(9, count=2, evidence=("documents",))
    document = publication(
        "Справка", date(2021, 2, 10), section="documents", plan_refs=("2021-9",)
    )
    item_status = status_of(item, [document], date(2021, 3, 1))
    assert item_status.status == "in_progress"
    assert item_status.missing == ("подтверждено 1 из 2",)


def test_manual_evidence_counts_from_its_date():
    item = make_item(
        manual_evidence=(
            ManualEvidence("Доклад", "https://example.org/doklad", date(2021, 3, 10)),
        )
    )
    assert status_of(item, [], date(2021, 3, 9)).status == "in_progress"
    item_status = status_of(item, [], date(2021, 3, 10))
    assert item_status.status == "done"
    assert item_status.evidence == (
        EvidenceLink("Доклад", "https://example.org/doklad", date(2021, 3, 10)),
    )


def test_evidence_is_sorted_by_date_then_title():
    publications = [
        publication("Б", date(2021, 3, 2)),
        publication("В", date(2021, 3, 1)),
        publication("А", date(2021, 3, 2)),
    ]
    item_status = status_of(make_item(), publications, date(2021, 4, 1))
    assert [link.title for link in item_status.evidence] == ["В", "А", "Б"]


def test_two_digests_cover_their_two_months():
    digests = [
        digest("2021-01", date(2021, 2, 3)),
        digest("2021-02", date(2021, 3, 2)),
    ]
    item_status = status_of(MONTHLY_DIGESTS, digests, date(2021, 3, 10))
    periods = item_status.progress.periods
    assert [period.label for period in periods[:3]] == [
        "январь 2021",
        "февраль 2021",
        "март 2021",
    ]
    assert [period.covered for period in periods[:3]] == [True, True, False]
    assert periods[0].evidence_urls == (digests[0].url,)
    assert (item_status.progress.covered, item_status.progress.total) == (2, 12)
    assert item_status.status == "in_progress"
    assert item_status.missing == ()


def test_digest_counts_for_its_month_not_its_date():
    late_january = digest("2021-01", date(2021, 3, 20))
    item_status = status_of(MONTHLY_DIGESTS, [late_january], date(2021, 3, 20))
    assert [period.covered for period in item_status.progress.periods[:3]] == [
        True,
        False,
        False,
    ]
    assert item_status.missing == ("нет дайджеста за февраль 2021",)


def test_digest_for_another_year_is_not_listed():
    december_2020 = digest("2020-12", date(2021, 1, 5))
    item_status = status_of(MONTHLY_DIGESTS, [december_2020], date(2021, 1, 10))
    assert item_status.evidence == ()
    assert item_status.progress.covered == 0


@pytest.mark.parametrize(
    ("as_of", "expected", "status", "missing"),
    [
        (date(2021, 2, 14), 0, "in_progress", ()),
        (date(2021, 2, 15), 1, "overdue", ("нет дайджеста за январь 2021",)),
    ],
)
def test_month_is_expected_14_days_after_it_ends(as_of, expected, status, missing):
    item_status = status_of(MONTHLY_DIGESTS, [], as_of)
    assert item_status.progress.expected == expected
    assert item_status.status == status
    assert item_status.missing == missing


def test_missed_month_stays_overdue_when_a_later_one_is_covered():
    february = digest("2021-02", date(2021, 3, 1))
    item_status = status_of(MONTHLY_DIGESTS, [february], date(2021, 3, 1))
    assert (item_status.progress.covered, item_status.progress.expected) == (1, 1)
    assert item_status.status == "overdue"
    assert item_status.missing == ("нет дайджеста за январь 2021",)


def test_due_period_missing_is_overdue_though_a_later_one_came_early():
    articles = [
        city_article("Опыт Казани", date(2021, 5, 12)),
        city_article("Опыт Тюмени", date(2021, 7, 15)),
    ]
    item_status = status_of(QUARTERLY_CITY_ARTICLES, articles, date(2021, 10, 1))
    progress = item_status.progress
    # Two quarters covered and two expected, but the first expected one is empty.
    assert (progress.covered, progress.expected, progress.total) == (2, 2, 4)
    assert progress.due_covered == 1
    assert item_status.status == "overdue"
    assert item_status.missing == ("нет статьи за I квартал 2021",)


def test_every_month_covered_is_done():
    digests = [
        digest(f"2021-{month:02d}", date(2021, month, 28)) for month in range(1, 13)
    ]
    item_status = status_of(MONTHLY_DIGESTS, digests, date(2021, 12, 28))
    assert item_status.status == "done"
    assert item_status.progress.covered == 12


def test_recurring_item_before_its_year_is_planned():
    item_status = status_of(MONTHLY_DIGESTS, [], date(2020, 12, 31))
    assert item_status.status == "planned"
    assert item_status.progress.expected == 0


def test_quarter_without_a_city_article_is_missing():
    articles = [
        city_article("Опыт Казани", date(2021, 2, 10)),
        city_article("Практики без города", date(2021, 5, 12), city=None),
    ]
    item_status = status_of(QUARTERLY_CITY_ARTICLES, articles, date(2021, 7, 15))
    assert [period.covered for period in item_status.progress.periods] == [
        True,
        False,
        False,
        False,
    ]
    assert [period.label for period in item_status.progress.periods] == [
        "I квартал 2021",
        "II квартал 2021",
        "III квартал 2021",
        "IV квартал 2021",
    ]
    assert item_status.status == "overdue"
    assert item_status.evidence == (
        EvidenceLink("Опыт Казани", articles[0].url, date(2021, 2, 10)),
    )
    assert item_status.missing == (
        "нет статьи за II квартал 2021",
        "Практики без города: не указан город",
    )


@pytest.mark.parametrize(
    ("as_of", "expected", "status", "missing"),
    [
        (date(2021, 4, 14), 0, "in_progress", ()),
        (date(2021, 4, 15), 1, "overdue", ("нет статьи за I квартал 2021",)),
    ],
)
def test_quarter_is_expected_14_days_after_it_ends(as_of, expected, status, missing):
    item_status = status_of(QUARTERLY_CITY_ARTICLES, [], as_of)
    assert item_status.progress.expected == expected
    assert [period.due for period in item_status.progress.periods] == [
        index < expected for index in range(4)
    ]
    assert item_status.status == status
    assert item_status.missing == missing


@pytest.mark.parametrize(
    ("as_of", "publications", "status", "missing"),
    [
        (date(2020, 12, 31), [], "planned", ()),
        (date(2021, 1, 1), [], "in_progress", ("нет публикаций за 2021 год",)),
        (
            date(2021, 12, 31),
            [article("Практика", date(2021, 6, 1))],
            "in_progress",
            (),
        ),
        (date(2022, 1, 1), [article("Практика", date(2021, 6, 1))], "done", ()),
        (date(2022, 1, 1), [], "overdue", ("нет публикаций за 2021 год",)),
    ],
)
def test_throughout_the_year(as_of, publications, status, missing):
    item_status = status_of(YEAR_ARTICLES, publications, as_of)
    assert item_status.status == status
    assert item_status.missing == missing
    assert item_status.progress is None


def test_throughout_the_year_counts_only_that_year():
    outside = [
        article("Практика прошлого года", date(2020, 6, 1)),
        article("Практика следующего года", date(2022, 1, 10)),
    ]
    item_status = status_of(YEAR_ARTICLES, outside, date(2022, 2, 1))
    assert item_status.status == "overdue"
    assert item_status.evidence == ()
    assert item_status.missing == ("нет публикаций за 2021 год",)


def test_throughout_the_year_takes_a_digest_by_its_month():
    item = replace(YEAR_ARTICLES, evidence=("digests",))
    december = replace(digest("2021-12", date(2022, 1, 10)), plan_refs=("2021-14",))
    assert status_of(item, [december], date(2022, 1, 20)).status == "done"


def test_summary_counts_every_status():
    plan = make_plan(make_item(1), make_item(2, months=(5, 5)), YEAR_ARTICLES)
    report = compute_report(plan, [MEETING], date(2021, 4, 1))
    assert report.summary == {"done": 1, "in_progress": 1, "overdue": 0, "planned": 1}
    assert [item_status.status for item_status in report.items] == [
        "done",
        "planned",
        "in_progress",
    ]
