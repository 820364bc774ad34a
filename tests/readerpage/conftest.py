"""The reader pages against the bundled sample site, read with the offline voice."""

import pytest

SAMPLE_ARTICLE = "tin-tuc/cong-bo-bang-gia-dat-ap-dung-tu-ngay-01-01-2026.html"
SAMPLE_TITLE = "Công bố Bảng giá đất áp dụng từ ngày 01/01/2026 trên địa bàn tỉnh Lạng Sơn"


@pytest.fixture()
def app_config(sample_app_config):
    return sample_app_config


@pytest.fixture()
def article_url(sample_site):
    return sample_site + SAMPLE_ARTICLE
