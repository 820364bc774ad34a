"""The only room that knows Redis key names: audio, articles, locks, jobs."""
