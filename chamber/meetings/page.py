"""What a meeting page shows: its videos and its transcript, ready to lay out.

The templates only place what is built here. Times in the transcript refer to
the first video, the one the reader sees first; the other parts are played from
their own facades. Speech is set in Russian typography here, as page bodies are
when read: the transcript is rendered here, not by Pelican's reader. The
typography is a pure function of a speech's HTML: the meetings plugin passes one
that keeps its results between builds.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from chamber.meetings.markup import render_paragraphs
from chamber.meetings.speakers import Speaker, meeting_speakers
from chamber.transcript import Transcript, Turn, format_timestamp
from chamber.typography import typograph_html
from chamber.video import LabelledVideo, Video, embed_url, provider_label, watch_url


@dataclass(frozen=True)
class VideoView:
    number: int  # 1-based, in the order of the Video field
    label: str | None  # the editor's «Часть 1»
    provider: str
    provider_label: str
    watch_url: str  # the provider's page; for a file, the file itself
    embed_url: str  # the player, as search engines are told of it
    # The player that starts at once and takes the page's commands, framed
    # when the reader asks.
    play_url: str
    media_type: str | None  # files only
    # A file on this site: its URLs are site-relative ("/files/…") and need SITEURL.
    local: bool

    @property
    def dom_id(self) -> str:
        return f"video-{self.number}"

    @property
    def is_file(self) -> bool:
        return self.provider == "file"


@dataclass(frozen=True)
class TurnView:
    anchor: str
    number: int
    speaker: str
    role: str | None
    start: int | None
    time_label: str | None  # ЧЧ:ММ:СС
    time_datetime: str | None  # the same as an HTML duration, «PT1H2M3S»
    watch_url: str | None  # the first video at this turn; works without JavaScript
    play_url: str | None  # the player at this turn, for a script to frame
    html: str  # the turn's paragraphs


@dataclass(frozen=True)
class TranscriptView:
    source_path: str  # relative to content/
    preamble_html: str
    turns: tuple[TurnView, ...]
    speakers: tuple[Speaker, ...]
    text_url: str | None  # plain-text download, site-relative
    captions_url: str | None  # WebVTT, only for a video file


@dataclass(frozen=True)
class MeetingPage:
    videos: tuple[VideoView, ...]
    transcript: TranscriptView | None

    @property
    def timed_video(self) -> VideoView | None:
        return self.videos[0] if self.videos else None


def video_views(videos: Iterable[LabelledVideo]) -> tuple[VideoView, ...]:
    views = []
    for number, labelled in enumerate(videos, start=1):
        video = labelled.video
        views.append(
            VideoView(
                number=number,
                label=labelled.label,
                provider=video.provider,
                provider_label=provider_label(video),
                watch_url=watch_url(video),
                embed_url=embed_url(video),
                play_url=embed_url(video, autoplay=True, scripted=True),
                media_type=video.media_type,
                local=video.provider == "file" and video.video_id.startswith("/"),
            )
        )
    return tuple(views)


def build_meeting_page(
    videos: Iterable[LabelledVideo],
    transcript: Transcript | None = None,
    transcript_path: str | None = None,
    text_url: str | None = None,
    captions_url: str | None = None,
    typograph: Callable[[str], str] = typograph_html,
) -> MeetingPage:
    labelled = tuple(videos)
    views = video_views(labelled)
    if transcript is None or transcript_path is None:
        return MeetingPage(views, None)
    timed = labelled[0].video if labelled else None
    turns = tuple(_turn_view(turn, timed, typograph) for turn in transcript.turns)
    return MeetingPage(
        views,
        TranscriptView(
            transcript_path,
            _speech_html(transcript.preamble, typograph),
            turns,
            meeting_speakers(transcript),
            text_url,
            captions_url if _has_captions(views, transcript) else None,
        ),
    )


def html_duration(seconds: int) -> str:
    """A valid HTML duration for `<time datetime>`: 3723 -> "PT1H2M3S"."""
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"PT{hours}H{minutes}M{secs}S"


def _turn_view(
    turn: Turn, timed: Video | None, typograph: Callable[[str], str]
) -> TurnView:
    start = turn.start
    at_video = timed is not None and start is not None
    return TurnView(
        anchor=turn.anchor,
        number=turn.index,
        speaker=turn.speaker,
        role=turn.role,
        start=start,
        time_label=None if start is None else format_timestamp(start),
        time_datetime=None if start is None else html_duration(start),
        watch_url=watch_url(timed, start) if at_video else None,
        play_url=(
            embed_url(timed, start, autoplay=True, scripted=True) if at_video else None
        ),
        html=_speech_html(turn.paragraphs, typograph),
    )


def _speech_html(paragraphs: tuple[str, ...], typograph: Callable[[str], str]) -> str:
    return typograph(render_paragraphs(paragraphs))


def _has_captions(views: tuple[VideoView, ...], transcript: Transcript) -> bool:
    # Captions follow the first video's clock, and only a file can carry them.
    timed = any(turn.start is not None for turn in transcript.turns)
    return bool(views) and views[0].is_file and timed
