"""Fixture texts that more than one test file reads, in one place.

Whole fixture sites live in tests/fixtures/sites/<case>/ and further plan files in
tests/fixtures/plans/; the short texts tests write themselves are made here.
"""

from pathlib import Path

FIXTURE_PLANS = Path(__file__).parent / "fixtures" / "plans"
