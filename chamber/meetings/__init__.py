"""Meetings: the page a meeting shows, its speakers, its transcript's checks and
its plain-text, WebVTT and JSON-LD forms."""
