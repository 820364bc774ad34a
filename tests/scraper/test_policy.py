"""Strict URL parsing and SSRF refusals, before any request is sent."""
from __future__ import annotations

import pytest

from scraper.errors import BadUrlError, HostNotAllowedError, PrivateAddressError
from scraper.policy import FetchPolicy, check_target, is_public_address, normalize_host, parse_target
from config import DEFAULTS


def policy(**kw) -> FetchPolicy:
    return FetchPolicy(allowed_hosts=frozenset(kw.pop("allowed", {"stnmt.langson.gov.vn", "localhost"})),
                       private_hosts=frozenset(kw.pop("private", set())), **kw)


@pytest.mark.parametrize("url", [
    "ftp://stnmt.langson.gov.vn/a", "file:///etc/passwd", "javascript:alert(1)", "", "   ",
    "http://stnmt.langson.gov.vn@evil.example/", "http://user:pw@stnmt.langson.gov.vn/",
    "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://127.1/",
    "http://stnmt.langson.gov.vn\\@evil.example/", "http://stnmt.langson.gov.vn /a",
    "http://%31%32%37.0.0.1/", "http:///nohost", "http://stnmt.langson.gov.vn:99999/",
])
def test_malformed_urls_are_refused(url):
    with pytest.raises(BadUrlError) as info:
        check_target(url, policy(), resolver=lambda h, p: ["8.8.8.8"])
    assert info.value.status == 422


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
    "http://evil.example/", "http://langsоn.gov.vn/",  # Cyrillic "о": a look-alike
    "http://stnmt.langsоn.gov.vn/", "http://stnmt.langson.gov.vn.evil.example/",
])
def test_hosts_off_the_allowlist_are_refused(url):
    with pytest.raises(HostNotAllowedError) as info:
        check_target(url, policy(), resolver=lambda h, p: ["8.8.8.8"])
    assert info.value.status == 422
    assert "Sở" in info.value.message_vi


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.0.1",
                                     "169.254.169.254", "::1", "fe80::1", "fc00::1", "0.0.0.0",
                                     "100.64.0.1", "224.0.0.1", "::ffff:127.0.0.1", "240.0.0.1"])
def test_allowed_host_resolving_to_a_private_address_is_refused(address):
    with pytest.raises(PrivateAddressError) as info:
        check_target("http://stnmt.langson.gov.vn/a", policy(), resolver=lambda h, p: ["8.8.8.8", address])
    assert info.value.status == 422


def test_private_address_allowed_only_for_hosts_configured_so():
    target = check_target("http://localhost:8001/tin-tuc/a.html", policy(private={"localhost"}),
                          resolver=lambda h, p: ["127.0.0.1"])
    assert target.host == "localhost" and target.port == 8001
    with pytest.raises(PrivateAddressError):
        check_target("http://localhost:8001/", policy(), resolver=lambda h, p: ["127.0.0.1"])


def test_real_resolution_of_localhost_is_refused():
    with pytest.raises(PrivateAddressError):
        check_target("http://localhost/", policy())


def test_normalisation():
    assert parse_target("HTTP://StNmt.LangSon.gov.vn./a b".replace(" ", "%20")).url == \
        "http://stnmt.langson.gov.vn/a%20b"
    assert parse_target("https://stnmt.langson.gov.vn/a#frag").url == "https://stnmt.langson.gov.vn/a"
    assert normalize_host("Sở.vn").startswith("xn--") and normalize_host("Sở.vn").endswith(".vn")
    assert normalize_host("langsоn.gov.vn") != "langson.gov.vn"
    assert is_public_address("8.8.8.8") and not is_public_address("127.0.0.1")


def test_policy_from_config_takes_site_host_and_allowed_hosts():
    p = FetchPolicy.from_config({**DEFAULTS, "SITE_URL": "https://stnmt.langson.gov.vn/", "ALLOWED_HOSTS": ["Sample.Local"],
                                 "ALLOW_PRIVATE_HOSTS": ["127.0.0.1"], "FETCH_MAX_BYTES": 1000})
    assert p.allowed_hosts == {"stnmt.langson.gov.vn", "sample.local"}
    assert p.private_hosts == {"127.0.0.1"}
    assert p.max_bytes == 1000
    assert p.user_agent.startswith("DocNoiDung/0.1 (+https://stnmt.langson.gov.vn)")
