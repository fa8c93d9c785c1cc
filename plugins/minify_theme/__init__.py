"""Minifies the theme's stylesheets and scripts in the built site.

The sources in `theme/static/` stay readable; readers get the copies without
comments and indentation, which is what keeps every page type within its 60 KB.
At `finalized`, after Pelican has copied the theme, and before the plugins that
read or list the written files. Named `minify_theme`, not `minify`: an installed
`pelican.plugins.minify` would shadow a local plugin of that name.
"""

from pathlib import Path

from pelican import signals

from minify_theme.assets import minify_folder


def minify_theme(pelican) -> None:
    minify_folder(Path(pelican.output_path, pelican.settings["THEME_STATIC_DIR"]))


def register():
    signals.finalized.connect(minify_theme)
