"""Services over the store: import, indicators, reports, calendar, messages, export and merge."""
