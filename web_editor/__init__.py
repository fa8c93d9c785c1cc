"""The web editor at /admin/ (Decap CMS), generated from the content model.

Pure logic, no Pelican: `invoke build` and `invoke edit` (tasks.py) write the
editor's files into the site. The collections come from the section table,
so the editor and the checks never disagree about a field.
"""
