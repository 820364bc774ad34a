"""A source site that hangs (it accepts connections and never answers) costs the home page
its timeouts once, not on every visit: the failure is remembered for a short while and the
page goes straight to what still plays."""
from __future__ import annotations

from cache.articles import ArticleStore
from cache.keys import Keys
from scraper.errors import SourceTimeoutError
from services.articles import ArticleSource
from services.reading import latest_articles

SITE = "http://127.0.0.1:9/"


class HangingSite:
    """A fetcher whose every fetch times out, as a hung site's does after ~15 s."""

    def __init__(self):
        self.calls = 0

    def check_url(self, url):
        return url

    def fetch(self, url, **_):
        self.calls += 1
        raise SourceTimeoutError(f"{url}: read timed out")


def _source(redis_client, fetcher, now):
    store = ArticleStore(redis_client, Keys("test:"), ttl_s=60)
    return ArticleSource(fetcher, store, site_url=SITE, fresh_s=600, listing_max_pages=1,
                         listing_deadline_s=20.0, listing_ttl_s=300, listing_retry_s=30.0,
                         clock=lambda: now[0])


def test_a_hanging_site_is_asked_once_per_retry_window(redis_client):
    site, now = HangingSite(), [1000.0]
    source = _source(redis_client, site, now)
    first = latest_articles(source=source)
    assert first.offline and first.problem_vi  # the page says the site cannot be reached
    asked = site.calls
    assert asked >= 1
    for _ in range(5):  # five more visitors within the window: no waiting on the site
        again = latest_articles(source=source)
        assert again.offline and again.problem_vi == first.problem_vi
    assert site.calls == asked
    now[0] += 31  # after the window the site is asked again
    latest_articles(source=source)
    assert site.calls > asked
