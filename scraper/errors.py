"""The scraper's domain errors: each names its HTTP status and says, in Vietnamese first,
what went wrong and what the reader can do about it."""
from __future__ import annotations

from errors import ServiceError


class ScraperError(ServiceError):
    """Base of every error the scraper raises."""


class BadUrlError(ScraperError):
    status = 422
    code = "bad_url"
    message_vi = ("Địa chỉ bài viết không hợp lệ. Xin kiểm tra lại địa chỉ "
                  "(bắt đầu bằng http:// hoặc https://).")
    message_en = "The article address is not valid (it must start with http:// or https://)."


class HostNotAllowedError(ScraperError):
    status = 422
    code = "host_not_allowed"
    message_vi = ("Dịch vụ chỉ đọc các bài viết trên trang của Sở. "
                  "Địa chỉ này không thuộc danh sách trang được phép đọc.")
    message_en = "This service only reads articles from the department's site; that address is not allowed."


class PrivateAddressError(HostNotAllowedError):
    code = "private_address"
    message_vi = ("Địa chỉ này trỏ tới một máy trong mạng nội bộ nên dịch vụ không được phép đọc.")
    message_en = "That address points to a private or local network and may not be read."


class RobotsDisallowedError(ScraperError):
    status = 422
    code = "robots_disallowed"
    message_vi = "Trang nguồn không cho phép đọc tự động địa chỉ này (theo tệp robots.txt của trang)."
    message_en = "The source site's robots.txt does not allow this address to be read."


class SourceUnreachableError(ScraperError):
    status = 502
    code = "source_unreachable"
    message_vi = "Không thể lấy nội dung từ trang nguồn. Xin vui lòng thử lại sau ít phút."
    message_en = "The source site could not be reached. Please try again in a few minutes."


class SourceTimeoutError(ScraperError):
    status = 504
    code = "source_timeout"
    message_vi = "Trang nguồn phản hồi quá chậm. Xin vui lòng thử lại sau ít phút."
    message_en = "The source site took too long to answer. Please try again in a few minutes."


class NotHtmlError(ScraperError):
    status = 415
    code = "not_html"
    message_vi = "Địa chỉ này không phải một trang web (HTML) nên không thể đọc thành bài viết."
    message_en = "That address is not a web page (HTML), so it cannot be read as an article."


class TooLargeError(ScraperError):
    status = 413
    code = "page_too_large"
    message_vi = "Trang nguồn quá lớn để đọc."
    message_en = "The source page is too large to read."


class NoArticleError(ScraperError):
    status = 422
    code = "no_article"
    message_vi = "Không tìm thấy nội dung bài viết"
    message_en = "No article was found on that page."


class ListingPageError(NoArticleError):
    """The page lists articles (a news listing, a category page): reading its first teaser
    aloud as if it were an article would mislead. Carries the articles it links to."""
    code = "listing_page"
    message_vi = ("Đây là trang danh sách bài viết, không phải một bài viết. "
                  "Xin chọn một bài trong danh sách để đọc và nghe.")
    message_en = "This page lists articles; it is not an article. Choose one of them to read and hear."

    def __init__(self, detail: str | None = None, *, items: list | None = None) -> None:
        super().__init__(detail)
        self.items = list(items or [])

    def extra(self) -> dict:
        return {"articles": [{"url": i.url, "title": i.title, "published": i.published}
                             for i in self.items]}


class PageNotFoundError(ScraperError):
    status = 404
    code = "source_not_found"
    message_vi = "Không tìm thấy trang này trên trang nguồn. Có thể bài viết đã bị gỡ hoặc đổi địa chỉ."
    message_en = "The source site has no page at that address; the article may have moved or been removed."
