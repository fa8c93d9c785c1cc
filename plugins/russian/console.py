"""What Pelican itself prints, made fit for editors: Russian, no tracebacks.

Pelican reports an exception from a plugin's settings check with its class name
and a traceback, and ends a build with an English summary on its console. The
plugins' own checks already say in Russian what is wrong and how to fix it.
"""

import logging

from pelican.log import console

from chamber.problems import SettingsError


class SettingsErrorLine(logging.Filter):
    """A bad setting is one Russian line: the message, without the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        # Every plugin's settings check raises it with a Russian message.
        if isinstance(error, SettingsError):
            record.msg, record.args = "Ошибка в настройках: %s", (error,)
            record.exc_info = record.exc_text = None
        return True


_FILTER = SettingsErrorLine()


def quiet_pelican() -> None:
    """Install the filter on Pelican's own logger and silence its console, which
    prints only «Done: Processed 10 articles…» (digests and meetings counted as
    articles), «Generating…» and «Serving site at…»; the content model prints
    the Russian summary instead."""
    logger = logging.getLogger("pelican")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    console.quiet = True
