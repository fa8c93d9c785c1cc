"""The work plan: its items and the rules that give each item a status."""
