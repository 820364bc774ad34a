"""The two allowlists as pure functions: host-page origins and article URLs."""
import pytest

from services.embed_policy import (EmbedOriginError, EmbedUrlError, EmbedUrlMissingError,
                                   allowed_origins, article_hosts, check_article_url,
                                   check_origin, normalize_origin, origin_allowed)

ORIGINS = allowed_origins(["https://stnmt.langson.gov.vn", "http://127.0.0.1:8002/", "not an origin"])
HOSTS = article_hosts("https://stnmt.langson.gov.vn/", ["langson.gov.vn"])


@pytest.mark.parametrize("raw, expected", [
    ("https://STNMT.langson.gov.vn", "https://stnmt.langson.gov.vn"),
    ("https://stnmt.langson.gov.vn:443", "https://stnmt.langson.gov.vn"),
    ("http://127.0.0.1:8002", "http://127.0.0.1:8002"),
    ("http://127.0.0.1:8002/", "http://127.0.0.1:8002"),
    ("null", None), ("", None), (None, None), ("file:///etc", None),
    ("https://a.vn/path", None), ("https://user@a.vn", None), ("https://a.vn:99999", None),
])
def test_normalize_origin(raw, expected):
    assert normalize_origin(raw) == expected


def test_configured_origins_are_normalised_and_junk_dropped():
    assert ORIGINS == {"https://stnmt.langson.gov.vn", "http://127.0.0.1:8002"}


@pytest.mark.parametrize("origin, allowed", [
    ("https://stnmt.langson.gov.vn", True),
    ("http://stnmt.langson.gov.vn", False),          # scheme matters
    ("https://stnmt.langson.gov.vn.evil.vn", False),  # no suffix matching
    ("http://127.0.0.1:8003", False),                 # port matters
    ("http://reader.local:8000", True),               # our own pages
    ("null", False),
])
def test_origin_allowed(origin, allowed):
    assert origin_allowed(origin, ORIGINS, own_origin="http://reader.local:8000/") is allowed


def test_check_origin_refuses_with_status_403_and_passes_requests_without_origin():
    check_origin(None, ORIGINS)
    with pytest.raises(EmbedOriginError) as info:
        check_origin("https://evil.example", ORIGINS)
    assert info.value.status == 403 and "chưa được phép" in info.value.message_vi


@pytest.mark.parametrize("url, expected", [
    ("https://stnmt.langson.gov.vn/tin-tuc/a.html#p2", "https://stnmt.langson.gov.vn/tin-tuc/a.html"),
    ("  http://LANGSON.gov.vn./a  ", "http://LANGSON.gov.vn./a"),
])
def test_allowed_article_urls(url, expected):
    assert check_article_url(url, HOSTS) == expected


@pytest.mark.parametrize("url", [
    "https://evil.example/a.html", "https://stnmt.langson.gov.vn.evil.example/a",
    "ftp://stnmt.langson.gov.vn/a", "javascript:alert(1)", "https://u:p@stnmt.langson.gov.vn/a",
    "https://stnmt.langson.gov.vn:99999/a",
])
def test_refused_article_urls(url):
    with pytest.raises(EmbedUrlError) as info:
        check_article_url(url, HOSTS)
    assert info.value.status == 422


def test_too_long_article_url_gets_the_one_length_message():
    from services.addresses import UrlTooLongError
    with pytest.raises(UrlTooLongError) as info:
        check_article_url("https://stnmt.langson.gov.vn/" + "a" * 3000, HOSTS)
    assert "quá dài" in info.value.message_vi


@pytest.mark.parametrize("url", [None, "", "   "])
def test_missing_article_url(url):
    with pytest.raises(EmbedUrlMissingError):
        check_article_url(url, HOSTS)
