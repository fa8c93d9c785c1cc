"""A Markdown reader that checks every file against the content model.

A file with a problem is not published: its problems are recorded and Pelican is
told to skip it, so that one run reports every problem in every file.
"""

import logging
from pathlib import Path

from markdown import Markdown
from pelican.readers import MarkdownReader

from chamber.alt import missing_alt
from chamber.fields import (
    FREE_TEXT_FIELDS,
    FieldContext,
    check_fields,
    related_plan_notes,
)
from chamber.header import header_problems
from chamber.html_safety import checked, data_url_message, locate
from chamber.meetings.reading import TranscriptReading, read_transcript
from chamber.placeholders import placeholder_problems
from chamber.problems import FieldError, Problem, unexpected_error
from chamber.publication import PELICAN_FIELDS, TranscriptFile, publication_record
from chamber.sections import FIELD_LABELS, MARKDOWN_EXTENSIONS, section_of
from chamber.source import (
    CONTROL_CHARACTERS_WARNING,
    decode_source,
    inline_data_url,
    without_control_characters,
)
from chamber.static_files import passes_through_link
from chamber.transcript import Transcript
from content_model.state import BUILD

SKIP = {"status": "skip"}
META = "markdown.extensions.meta"
logger = logging.getLogger(__name__)


class CheckedMarkdownReader(MarkdownReader):
    # Every spelling Pelican's own Markdown reader would take, in the cases editors'
    # machines write (`itogi.MD`): none may be read without the checks.
    file_extensions = MARKDOWN_EXTENSIONS

    def __init__(self, settings):
        super().__init__(settings)
        # One converter per reader, reset between files: building a Markdown
        # instance with its extensions costs about as much as converting a file.
        options = self.settings["MARKDOWN"]
        self._document = Markdown(**options)
        # Summaries are Markdown too, but a summary has no metadata of its own.
        self._fragment = Markdown(
            **{
                **options,
                "extensions": [e for e in options["extensions"] if e != META],
                "extension_configs": {
                    k: v for k, v in options["extension_configs"].items() if k != META
                },
            }
        )

    def read(self, source_path):
        content_dir = Path(self.settings["PATH"])
        relative = Path(source_path).relative_to(content_dir).as_posix()
        section = section_of(relative)
        if section is None:  # a folder outside the content model: Pelican's rules
            return super().read(source_path)
        if passes_through_link(content_dir, relative):
            return None, SKIP  # reported with every other link in the content folder
        report = BUILD.problems_for(relative)
        try:
            data = Path(source_path).read_bytes()
            return BUILD.read_once(
                relative,
                data,
                lambda: self._read_checked(
                    data, source_path, relative, section, report
                ),
            )
        except Exception as error:  # one broken file must not hide the others
            report(unexpected_error(error))
            logger.debug("%s", relative, exc_info=True)  # for developers: --debug
            return None, SKIP

    def _read_checked(self, data, source_path, relative, section, report):
        """What the file gives, its problems reported; besides ``data`` it looks
        only at the files `chamber.read_inputs` names, and at the plans, cities
        and settings."""
        content_dir = Path(self.settings["PATH"])
        try:
            text = decode_source(data)
        except FieldError as error:
            report(str(error))
            return None, SKIP
        text, control_line = without_control_characters(text)
        if control_line is not None:
            BUILD.warn(
                Problem(relative, CONTROL_CHARACTERS_WARNING, None, control_line)
            )
        inline_data = inline_data_url(text)
        if inline_data is not None:  # before Markdown, which is slow on megabytes
            report(f"в тексте {data_url_message(inline_data[0])}", None, inline_data[1])
            return None, SKIP

        for field, message, line in header_problems(text):
            report(message, field, line)
        content, markdown_meta = BUILD.convert(self._document, text)
        raw_meta = {
            name.lower(): "\n".join(lines) for name, lines in markdown_meta.items()
        }
        context = FieldContext(
            content_dir=content_dir,
            source_dir=Path(source_path).parent,
            cities=BUILD.cities,
            plans=BUILD.plans,
            broken_plan_years=BUILD.broken_plan_years,
            site_url=self.settings["SITEURL"],
        )
        values, field_problems = check_fields(raw_meta, section, context)
        for name, message in field_problems:
            report(message, FIELD_LABELS.get(name, name.capitalize()))
        for note in related_plan_notes(values.get("plan", ()), section, context):
            BUILD.warn(Problem(relative, note, "Plan"))

        metadata = self._free_text(raw_meta)
        site_url = self.settings["SITEURL"]
        published, findings = checked(content, site_url)
        lines = locate(text, [finding.needle for finding in findings])
        for finding, line in dict.fromkeys(zip(findings, lines, strict=True)):
            report(f"в тексте {finding.message}", None, line)
        if "summary" in metadata:
            metadata["summary"], findings = checked(metadata["summary"], site_url)
            for finding in dict.fromkeys(findings):
                report(finding.message, "Summary")
        for message, line in missing_alt(content, text):
            report(f"в тексте {message}", None, line)
        for check in section.body_checks:
            for message, piece in check(content):
                report(message, None, _line_of(text, piece[:30]) if piece else None)
        for message, line in placeholder_problems(text):
            report(message, None, line)
        if BUILD.has_problems(relative):
            return None, SKIP

        # Pelican's own fields as its metadata; every value as the one record.
        metadata.update(
            (name, value) for name, value in values.items() if name in PELICAN_FIELDS
        )
        path = values.get("transcript")
        transcript = TranscriptFile(path, self._transcript(path)) if path else None
        metadata["record"] = publication_record(section, values, transcript)
        metadata["category"] = self.process_metadata("category", section.key)
        if section.slug_field:
            metadata["slug"] = values[section.slug_field]
        return published, metadata

    def _transcript(self, path: str) -> Transcript | None:
        """A meeting's transcript, read the first time a meeting names it; its
        problems are the transcript file's own, and do not hold back the meeting.
        Its warnings are given again for every meeting that names it: they are
        part of what reading the meeting gives (`BUILD.read_once`)."""
        if path not in BUILD.transcripts:
            try:
                data = (Path(self.settings["PATH"]) / path).read_bytes()
                reading = read_transcript(data, path, self.settings["SITEURL"])
            except Exception as error:  # one broken file must not hide the others
                problem = Problem(path, unexpected_error(error))
                reading = TranscriptReading(None, (problem,), ())
                logger.debug("%s", path, exc_info=True)  # for developers: --debug
            for problem in reading.errors:
                BUILD.add(problem)
            BUILD.transcripts[path] = reading
        reading = BUILD.transcripts[path]
        for problem in reading.warnings:
            BUILD.warn(problem)
        return reading.transcript

    def _free_text(self, raw_meta: dict[str, str]) -> dict:
        """Summary as HTML; tags and authors as Pelican's own objects."""
        metadata = {}
        for name in sorted(FREE_TEXT_FIELDS & raw_meta.keys()):
            text = raw_meta[name].strip()
            if not text:
                continue
            if name in self.settings["FORMATTED_FIELDS"]:
                metadata[name] = self._fragment.reset().convert(text)
            else:
                # Several lines of tags or authors read as one comma-separated list.
                metadata[name] = self.process_metadata(name, text.replace("\n", ", "))
        return metadata


def _line_of(text: str, needle: str) -> int | None:
    """The 1-based line where ``needle`` is written, if it is written as is."""
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position >= 0 else None
