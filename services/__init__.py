"""Orchestration shared by web views, the CLI and RQ jobs: plain functions that take their
collaborators (fetcher, stores, engines) as arguments."""
