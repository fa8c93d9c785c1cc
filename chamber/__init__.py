"""The rules of the Chamber's publications, in plain Python.

Sections and their fields, the checks with the Russian messages editors see,
cities, the work plan and its status rules, videos, transcripts, digests,
Russian dates, plurals and slugs, typography. Nothing here imports Pelican: the
plugins in `plugins/` connect these rules to a build.
"""
