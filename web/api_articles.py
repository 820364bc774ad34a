"""JSON API of the scraper: the latest articles, and one article extracted from its URL."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from errors import BadRequestError
from services.container import services_of
from web.args import article_url_arg

bp = Blueprint("api_articles", __name__, url_prefix="/api/v1")


@bp.get("/articles")
def articles():
    try:
        limit = int(request.args.get("limit", 50))
    except ValueError:
        limit = 0
    if not 1 <= limit <= 200:
        raise BadRequestError("limit must be a whole number from 1 to 200",
                              message_vi="Tham số limit phải là một số nguyên từ 1 đến 200.",
                              message_en="limit must be a whole number from 1 to 200.")
    items = services_of(current_app).articles.latest(limit)
    return jsonify(articles=[{"url": i["url"], "title": i["title"], "published": i["published"]}
                             for i in items])


@bp.get("/article")
def article():
    found = services_of(current_app).articles.get(article_url_arg())
    return jsonify(found.to_dict())
