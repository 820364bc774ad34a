"""The scraper room: URL → Article. Knows nothing of audio."""
