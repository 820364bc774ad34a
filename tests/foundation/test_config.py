import pytest

from config import DEFAULTS, ConfigError, load_config


def test_defaults_need_no_environment():
    config = load_config({})
    assert config["REDIS_URL"] is None
    assert config["TTS_ENGINE"] == "auto"
    assert config["PORT"] == 8000


def test_prefixed_variables_are_typed():
    config = load_config({"DOCND_PORT": "9001", "DOCND_GTTS_TIMEOUT_S": "2.5",
                          "DOCND_EMBED_ORIGINS": "https://a.gov.vn, https://b.gov.vn"})
    assert config["PORT"] == 9001
    assert config["GTTS_TIMEOUT_S"] == 2.5
    assert config["EMBED_ORIGINS"] == ["https://a.gov.vn", "https://b.gov.vn"]


def test_bare_aliases_and_prefix_wins():
    config = load_config({"REDIS_URL": "redis://bare:1/0", "TTS_ENGINE": "offline"})
    assert config["REDIS_URL"] == "redis://bare:1/0"
    assert config["TTS_ENGINE"] == "offline"
    config = load_config({"REDIS_URL": "redis://bare:1/0", "DOCND_REDIS_URL": "redis://pre:2/0"})
    assert config["REDIS_URL"] == "redis://pre:2/0"


@pytest.mark.parametrize("env", [{"TTS_ENGINE": "espeak"}, {"DOCND_PORT": "eighty"},
                                 {"DOCND_ALLOWED_HOSTS": "[1, "}])
def test_bad_values_are_named(env):
    with pytest.raises(ConfigError) as info:
        load_config(env)
    assert any(key.split("_", 1)[-1] in str(info.value) or key in str(info.value) for key in env)


def test_every_default_is_documented():
    from pathlib import Path
    doc = (Path(__file__).resolve().parents[2] / "docs" / "configuration.md").read_text()
    missing = [name for name in DEFAULTS if f"DOCND_{name}" not in doc]
    assert not missing, f"docs/configuration.md does not document: {missing}"


@pytest.mark.parametrize("env, named", [
    ({"DOCND_REDIS_URL": "127.0.0.1:6379"}, "redis://"),  # before: the worker crash-looped
    ({"DOCND_SITE_URL": "stnmt.langson.gov.vn"}, "https://"),  # before: "cannot be reached"
    ({"DOCND_EMBED_ORIGINS": "stnmt.langson.gov.vn"}, "origin"),  # before: silently refused
    ({"DOCND_EMBED_ORIGINS": "https://a.gov.vn/tin-tuc/"}, "origin"),
    ({"DOCND_FEED_REVIEW": "maybe"}, "true"),  # before: silently false
    ({"DOCND_PORT": "abc"}, "số"),  # before: "invalid literal for int() with base 10"
])
def test_unusable_settings_are_refused_in_both_languages(env, named):
    with pytest.raises(ConfigError) as info:
        load_config(env)
    message = str(info.value)
    assert list(env)[0] in message and named in message
    assert " / " in message  # Vietnamese, then English
    assert "invalid literal" not in message


def test_usable_addresses_and_words_pass():
    config = load_config({"DOCND_REDIS_URL": "unix:///run/redis.sock", "DOCND_FEED_REVIEW": "off",
                          "DOCND_EMBED_ORIGINS": "https://a.gov.vn, http://127.0.0.1:8002/",
                          "DOCND_LISTING_URL": "https://a.gov.vn/tin-tuc/"})
    assert config["FEED_REVIEW"] is False
    assert config["REDIS_URL"] == "unix:///run/redis.sock"
