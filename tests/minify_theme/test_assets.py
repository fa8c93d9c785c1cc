"""The theme's CSS and JS as readers get them: without comments and indentation,
meaning the same, and the same bytes on every run."""

from minify_theme.assets import minified, minify_folder

CSS = """/* The header. */
.site-header {
  color: #ffffff;   /* on the Chamber's blue */
}
@media (max-width: 47.99rem) {
  .site-header { display: grid; }
}
"""
JS = """// Loaded once.
(function () {
  "use strict";
  var label = `Найдено: ${1 + 1}`;  // a template literal keeps its spaces
  /* a comment */
  return label;
}());
"""


def test_css_loses_comments_and_whitespace_only():
    assert minified(".css", CSS) == (
        ".site-header{color:#ffffff}"
        "@media (max-width:47.99rem){.site-header{display:grid}}"
    )


def test_js_keeps_strings_and_template_literals():
    assert minified(".js", JS) == (
        '(function(){"use strict";var label=`Найдено: ${1 + 1}`;return label;}());'
    )


def test_a_folder_is_minified_in_place_and_other_files_are_left(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text(CSS, encoding="utf-8")
    (tmp_path / "js.js").write_text(JS, encoding="utf-8")
    picture = b"<svg><!-- kept --></svg>"
    (tmp_path / "share.svg").write_bytes(picture)
    changed = minify_folder(tmp_path)
    assert changed == [tmp_path / "css" / "site.css", tmp_path / "js.js"]
    assert (tmp_path / "css" / "site.css").read_text(encoding="utf-8") == minified(
        ".css", CSS
    )
    assert (tmp_path / "share.svg").read_bytes() == picture


def test_minifying_again_changes_nothing(tmp_path):
    """The preview rebuilds over its own output: a second pass is a no-op."""
    (tmp_path / "site.css").write_text(CSS, encoding="utf-8")
    minify_folder(tmp_path)
    once = (tmp_path / "site.css").read_bytes()
    assert minify_folder(tmp_path) == []
    assert (tmp_path / "site.css").read_bytes() == once
