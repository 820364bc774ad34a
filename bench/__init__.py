"""`make bench`: every module here with a `run() -> dict` is measured, in one run."""
