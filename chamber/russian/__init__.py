"""Russian dates, plural forms and slugs."""
