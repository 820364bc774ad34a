"""The reader pages against the bundled sample site, read with the offline voice."""
from urllib.parse import urlsplit

import pytest

SAMPLE_ARTICLE = "tin-tuc/cong-bo-bang-gia-dat-ap-dung-tu-ngay-01-01-2026.html"
SAMPLE_TITLE = "Công bố Bảng giá đất áp dụng từ ngày 01/01/2026 trên địa bàn tỉnh Lạng Sơn"


@pytest.fixture()
def app_config(app_config, sample_site):
    return {**app_config, "SITE_URL": sample_site,
            "ALLOW_PRIVATE_HOSTS": [urlsplit(sample_site).netloc],
            "TTS_ENGINE": "offline", "FETCH_MIN_INTERVAL_S": 0.0}


@pytest.fixture()
def article_url(sample_site):
    return sample_site + SAMPLE_ARTICLE
