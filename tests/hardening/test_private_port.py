"""Allowing the local sample site ("127.0.0.1:PORT") must not open other ports of that
address: Redis on 6379 stays out of reach."""
import pytest

from scraper.errors import PrivateAddressError
from scraper.policy import FetchPolicy, check_target
from config import DEFAULTS


@pytest.fixture()
def policy():
    return FetchPolicy.from_config({**DEFAULTS, "SITE_URL": "http://127.0.0.1:8001/",
                                    "ALLOW_PRIVATE_HOSTS": ["127.0.0.1:8001"]})


def test_the_sample_port_is_allowed(policy):
    assert check_target("http://127.0.0.1:8001/tin-tuc/a.html", policy).port == 8001


@pytest.mark.parametrize("url", ["http://127.0.0.1:6379/", "http://127.0.0.1/", "http://127.0.0.1:8002/"])
def test_other_ports_of_the_private_host_are_refused(policy, url):
    with pytest.raises(PrivateAddressError):
        check_target(url, policy)


def test_host_wide_entry_still_allows_every_port():
    policy = FetchPolicy.from_config({**DEFAULTS, "SITE_URL": "http://127.0.0.1:8001/",
                                      "ALLOW_PRIVATE_HOSTS": ["127.0.0.1"]})
    assert check_target("http://127.0.0.1:6379/", policy).port == 6379
