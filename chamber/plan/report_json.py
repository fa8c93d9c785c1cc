"""The plan report as JSON, for anyone who wants the figures without the page."""

import json
from typing import Any

from chamber.plan.status import STATUSES, EvidenceLink, PlanReport


def report_to_dict(report: PlanReport) -> dict[str, Any]:
    plan = report.plan
    items = []
    for item_status in report.items:
        item = item_status.item
        entry: dict[str, Any] = {
            "number": item.number,
            "section": plan.section(item.section).title,
            "title": item.title,
            "deadline": item.deadline,
            "status": item_status.status,
        }
        # Only recurring items are measured in periods; the key is absent otherwise.
        if item_status.progress is not None:
            entry["progress"] = {
                "covered": item_status.progress.covered,
                "expected": item_status.progress.expected,
                "total": item_status.progress.total,
            }
        entry["evidence"] = [_link(link) for link in item_status.evidence]
        # Related publications confirm nothing: apart, so no reader adds them up.
        entry["related"] = [_link(link) for link in item_status.related]
        entry["missing"] = list(item_status.missing)
        items.append(entry)
    return {
        "year": plan.year,
        "as_of": report.as_of.isoformat(),
        "summary": {status: report.summary[status] for status in STATUSES},
        "items": items,
    }


def _link(link: EvidenceLink) -> dict[str, str]:
    return {"title": link.title, "url": link.url, "date": link.date.isoformat()}


def dumps_report(report: PlanReport) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
