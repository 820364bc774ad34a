"""JSON API of the scraper: the latest articles, and one article extracted from its URL."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from errors import BadRequestError
from services.articles import get_article, list_articles

bp = Blueprint("api_articles", __name__, url_prefix="/api/v1")


@bp.get("/articles")
def articles():
    config = current_app.config
    try:
        limit = int(request.args.get("limit", 50))
    except ValueError:
        limit = 0
    if not 1 <= limit <= 200:
        raise BadRequestError("limit must be a whole number from 1 to 200",
                              message_vi="Tham số limit phải là một số nguyên từ 1 đến 200.",
                              message_en="limit must be a whole number from 1 to 200.")
    items = list_articles(config["SITE_URL"], fetcher=current_app.extensions["fetcher"],
                          store=current_app.extensions["article_store"],
                          max_pages=config["LISTING_MAX_PAGES"],
                          deadline_s=config["LISTING_DEADLINE_S"],
                          ttl_s=config["LISTING_TTL_S"], limit=limit)
    return jsonify(articles=[{"url": i["url"], "title": i["title"], "published": i["published"]}
                             for i in items])


@bp.get("/article")
def article():
    url = (request.args.get("url") or "").strip()
    if not url:
        raise BadRequestError("url is required",
                              message_vi="Xin cho biết địa chỉ bài viết (tham số url).",
                              message_en="Give the article address (the url parameter).")
    found = get_article(url, fetcher=current_app.extensions["fetcher"],
                        store=current_app.extensions["article_store"],
                        fresh_s=current_app.config["ARTICLE_FRESH_S"])
    return jsonify(found.to_dict())
