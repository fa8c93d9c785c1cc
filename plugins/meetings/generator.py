"""Writes what meetings add beyond their pages: /speakers/, a page per speaker
and the transcript files.

Everything written here was prepared by `assembly.attach_meeting_pages` when the
articles were read, so that problems were reported with the rest.
"""

from pathlib import Path

from pelican.generators import Generator
from pelican.utils import sanitised_join


class MeetingsGenerator(Generator):
    def generate_context(self):
        # Filled in by the articles' receiver; a build without meetings has none.
        self.context.setdefault("meeting_speakers", ())
        self.context.setdefault("meeting_downloads", ())

    def generate_output(self, writer):
        settings = self.settings
        self._write_page(
            writer,
            "speakers",
            settings["MEETINGS_SPEAKERS_URL"],
            settings["MEETINGS_SPEAKERS_SAVE_AS"],
        )
        for speaker in self.context["meeting_speakers"]:
            self._write_page(
                writer,
                "speaker",
                settings["MEETINGS_SPEAKER_URL"].format(slug=speaker.key),
                settings["MEETINGS_SPEAKER_SAVE_AS"].format(slug=speaker.key),
                speaker=speaker,
                # Pelican's paginator and the theme's pagination partial know
                # the list as `articles`: twenty meetings a page (pelicanconf).
                paginated={"articles": speaker.appearances},
                template_name="speaker",
            )
        write_downloads(self.output_path, self.context)

    def _write_page(self, writer, template, url, save_as, **values):
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=url,
            page_name=url,
            **values,
        )


def write_downloads(output_path: str, context: dict) -> None:
    """The transcript files of the meetings in `context`."""
    for download in context.get("meeting_downloads", ()):
        path = Path(sanitised_join(output_path, download.save_as))
        path.parent.mkdir(parents=True, exist_ok=True)
        # Bytes, not text mode: LF on every system, for byte-identical builds.
        path.write_bytes(download.text.encode("utf-8"))
