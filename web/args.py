"""Reading the article address a page or API call is about (`?url=…`)."""
from __future__ import annotations

from flask import request

from services.addresses import check_address


def article_url_arg() -> str:
    """`?url=`, checked once for every view (missing, too long, not http(s): Vietnamese 4xx)."""
    return check_address(request.args.get("url"))
