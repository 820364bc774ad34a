"""The reader's views through the Flask client, against the bundled sample site."""
import io
import re

import pypdf
import pytest

from tests.readerpage.conftest import SAMPLE_TITLE


@pytest.mark.parametrize("path", ["/read", "/pdf", "/listen", "/read?url=", "/read?url=%20"])
def test_missing_url_is_a_400_in_vietnamese(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "Thiếu địa chỉ bài viết" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/read", "/pdf", "/listen"])
def test_refused_site_passes_its_422_through(client, path):
    response = client.get(path, query_string={"url": "https://example.com/tin-tuc/bai.html"})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert 'lang="vi"' in body and "Traceback" not in body


def test_reader_page_works_without_javascript(client, article_url):
    response = client.get("/read", query_string={"url": article_url})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f"{SAMPLE_TITLE}</span></h1>" in html
    # The whole-article MP3 in a native player, fetched only when the reader presses play.
    audio = re.search(r"<audio[^>]*>", html).group(0)
    assert "controls" in audio and 'preload="none"' in audio and "autoplay" not in audio
    assert 'src="/listen?url=' in audio
    assert re.search(r'<a [^>]*href="/listen\?url=[^"]+"[^>]*download', html)
    # Every sentence is numbered from 0 for the highlight; the title is sentence 0.
    numbers = [int(n) for n in re.findall(r'data-sentence="(\d+)"', html)]
    assert numbers == list(range(len(numbers))) and len(numbers) > 5
    assert f'href="{article_url}"' in html  # link to the original
    assert "<script>" not in html and "onclick" not in html  # nothing inline (CSP)
    assert 'href="/pdf?url=' in html


def test_no_javascript_audio_renders_on_request_and_plays(client, article_url):
    response = client.get("/listen", query_string={"url": article_url})
    assert response.status_code == 303
    audio = client.get(response.headers["Location"])
    assert audio.status_code == 200
    assert audio.mimetype == "audio/mpeg"
    assert len(audio.data) > 10_000


def test_pdf_download_has_the_title(client, article_url):
    response = client.get("/pdf", query_string={"url": article_url})
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="cong-bo-bang-gia-dat-ap-dung-tu-ngay')
    assert "filename*=UTF-8''C%C3%B4ng%20b%E1%BB%91" in disposition
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert SAMPLE_TITLE in text
    assert reader.metadata.title == SAMPLE_TITLE


def test_home_lists_latest_articles_with_play_links(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert SAMPLE_TITLE in html
    items = re.findall(r'<li class="article-item"', html)
    assert len(items) >= 5
    assert len(re.findall(r'href="/listen\?url=', html)) == len(items)
    assert "<time datetime=" in html
    assert "Nghe liên tục" in html


def test_home_opens_when_the_site_is_down(app_config, redis_client):
    from app import create_app
    app = create_app({**app_config, "SITE_URL": "http://127.0.0.1:9/"})
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert "Chưa lấy được danh sách bài" in response.get_data(as_text=True)


def test_static_files_are_versioned_and_cached(client):
    html = client.get("/read").get_data(as_text=True)  # the 400 page uses the same layout
    css = re.search(r'href="(/static/css/base\.css\?v=[0-9a-f]{12})"', html).group(1)
    response = client.get(css)
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=31536000" in response.headers["Cache-Control"]
    plain = client.get("/static/js/prefs.js")
    assert "max-age=3600" in plain.headers["Cache-Control"]


def test_pages_use_no_third_party_assets(client, article_url):
    html = client.get("/read", query_string={"url": article_url}).get_data(as_text=True)
    for attr in re.findall(r'(?:src|href)="([^"]+)"', html):
        if attr.startswith(("http://", "https://", "//")):
            # Only links to the source site (the article, its attachments), never assets.
            assert attr.startswith(article_url.split("/tin-tuc/")[0]), attr
    assert not re.search(r'<(script|img|audio|source)[^>]+src="(https?:)?//', html)
    assert not re.search(r'<link[^>]+rel="(stylesheet|icon|preload|modulepreload)"[^>]+href="(https?:)?//', html)


def test_a_listing_page_offers_its_articles_instead_of_reading_a_teaser(client, sample_site):
    """Opening the department's news listing (a category page) must not read its first
    teaser aloud as an article: the reader gets the listed articles to choose from."""
    listing = sample_site + "tin-tuc/trang-2.html"
    response = client.get("/read", query_string={"url": listing})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Trang này là danh sách bài viết" in html
    assert 'data-sentence="' not in html  # no reader, no player
    links = re.findall(r'href="/read\?url=([^"]+)"', html)
    assert len(links) >= 4 and all("tin-tuc%2F" in link or "tin-tuc/" in link for link in links)
    assert len(re.findall(r'href="/listen\?url=', html)) == len(links)
    assert f'href="{listing}"' in html  # the original listing, for those who want it
    # The article links are the sample's own articles, which read normally.
    from urllib.parse import unquote
    first = client.get("/read", query_string={"url": unquote(links[0])})
    assert first.status_code == 200 and 'data-sentence="' in first.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/api/v1/article", "/api/v1/narration"])
def test_the_api_says_listing_page_and_lists_the_articles(client, sample_site, path):
    response = client.get(path, query_string={"url": sample_site + "tin-tuc/trang-2.html"})
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"] == "listing_page" and "danh sách bài viết" in body["message"]
    assert len(body["articles"]) >= 4
    assert all(a["url"].startswith(sample_site + "tin-tuc/") and a["title"]
               for a in body["articles"])
