"""Import from Word: a .docx becomes a draft publication or a meeting transcript.

Pure logic, no Pelican: `invoke import` (tasks.py) is the only caller. The
conversion is mammoth's (semantic HTML, Word's styling dropped) followed by
markdownify; what is recognised is told to the editor in a report.
"""
