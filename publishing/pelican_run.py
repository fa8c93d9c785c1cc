"""One Pelican build in this process, with settings passed as Python values.

Pelican's `main` takes overrides only as JSON text (`-e NAME=…`), so a date would
cross as a string and be parsed a second time. This runs the same steps as
`main` does for a plain build (its arguments, logging and error report), but
hands the overrides to the settings as they are: `PLAN_AS_OF` stays a
`datetime.date`. Unlike `main`, it lets Ctrl+C through: the task then discards
the half-built release instead of publishing it. Work a plugin left running in
the background (`chamber.background`) is part of the build: waited for, its
failure a failed build.
"""

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from chamber import background


def run_pelican(
    content: Path, output: Path, settings: Path, overrides: Mapping[str, Any]
) -> bool:
    """Build once; True when Pelican succeeded, False after it logged the failure."""
    from pelican import get_instance, parse_arguments
    from pelican.log import console
    from pelican.log import init as init_logging

    # The plain log handler prints one line per problem, which editors can read.
    args = parse_arguments(
        [str(content), "-o", str(output), "-s", str(settings), "--log-handler", "plain"]
    )
    args.overrides = dict(overrides)
    init_logging(
        level=args.verbosity,
        fatal=args.fatal,
        name="pelican",
        handler=None,
        logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level),
    )
    try:
        pelican, _settings = get_instance(args)
        with console.status("Generating..."):
            try:
                pelican.run()
                background.wait()
            finally:
                # A failed or interrupted build leaves nothing writing into
                # the release that the task is about to discard.
                background.stop()
    except SystemExit as stop:
        # The content model and the link check stop a build this way.
        return stop.code in (0, None)
    except Exception as error:
        # As Pelican's `main` reports a failed build.
        logging.getLogger("pelican").critical(
            "%s: %s", error.__class__.__name__, error, exc_info=True
        )
        return False
    return True
