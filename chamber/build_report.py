"""Lines a build prints for whoever runs it; the preview (`invoke serve`) reads
them as they come, to show an edit before the build has ended."""

# Every page is written: search indexing, the link check and the caches follow.
PAGES_WRITTEN = "Записано страниц: "


def pages_written(count: int) -> str:
    return f"{PAGES_WRITTEN}{count}."
