"""A Markdown reader that checks every file against the content model.

A file with a problem is not published: its problems are recorded and Pelican is
told to skip it, so that one run reports every problem in every file.
"""

from pathlib import Path

from markdown import Markdown
from pelican.readers import MarkdownReader

from content_model.fields import FREE_TEXT_FIELDS, FieldContext, check_fields
from content_model.problems import FieldError
from content_model.sections import FIELD_LABELS, section_of
from content_model.source import decode_source, unsafe_urls
from content_model.state import BUILD

SKIP = {"status": "skip"}


class CheckedMarkdownReader(MarkdownReader):
    def read(self, source_path):
        content_dir = Path(self.settings["PATH"])
        relative = Path(source_path).relative_to(content_dir).as_posix()
        section = section_of(relative)
        if section is None:  # a folder outside the content model: Pelican's rules
            return super().read(source_path)
        report = BUILD.problems_for(relative)
        try:
            text = decode_source(Path(source_path).read_bytes())
        except FieldError as error:
            report(str(error))
            return None, SKIP

        self._source_path = source_path
        self._md = Markdown(**self.settings["MARKDOWN"])
        content = self._md.convert(text)
        raw_meta = {
            name.lower(): "\n".join(lines)
            for name, lines in getattr(self._md, "Meta", {}).items()
        }
        context = FieldContext(
            content_dir=content_dir,
            source_dir=Path(source_path).parent,
            cities=BUILD.cities,
            plans=BUILD.plans,
        )
        values, field_problems = check_fields(raw_meta, section, context)
        for name, message in field_problems:
            report(message, FIELD_LABELS.get(name, name.capitalize()))

        pelican_meta = {
            name: lines
            for name, lines in self._md.Meta.items()
            if name.lower() in FREE_TEXT_FIELDS | {"title", "slug", "status"}
            and "".join(lines).strip()
        }
        metadata = self._parse_metadata(pelican_meta)
        for url in unsafe_urls(content) + unsafe_urls(metadata.get("summary", "")):
            report(
                f"ссылка «{url}» запускает программу в браузере читателя; такие "
                "ссылки запрещены. Укажите обычный адрес https://…",
                None if url in content else "Summary",
            )
        if BUILD.has_problems(relative):
            return None, SKIP

        metadata.update(values)
        metadata["category"] = self.process_metadata("category", section.key)
        metadata["section"] = section.key
        if section.key == "digests":
            metadata["slug"] = values["month"]
        return content, metadata
