"""What goes into the feeds and the meeting calendar: entries, ids, the list of feeds, their checks."""
