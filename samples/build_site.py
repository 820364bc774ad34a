"""`python -m samples.build_site`: rebuild samples/site/ and samples/truth/ from
samples/articles/*.json. Deterministic: the same data gives the same bytes.

Article data (one JSON file per article): slug, title, published (ISO, +07:00), views,
author, lead, body (blocks), attachments, related_box, features. A block is a string (a
paragraph) or one of {"h"}, {"ul"}, {"ol"}, {"table"}, {"image"}, {"spans"}, {"related_box"},
{"share"}; see render_block.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from datetime import datetime
from html import escape
from html.entities import codepoint2name
from pathlib import Path

from samples import chrome
from samples.media import attachment_bytes, draw_logo, draw_photo, write_if_changed

ROOT = Path(__file__).resolve().parent
ARTICLES_DIR = ROOT / "articles"
SITE_DIR = ROOT / "site"
TRUTH_DIR = ROOT / "truth"
PAGE_SIZE = 5
RELATED_COUNT = 4

# Abbreviations that end in a dot but do not end a sentence (for the truth's first/last).
NOT_SENTENCE_END = re.compile(r"(?:\bTP|\bThS|\bTS|PGS\.TS|\bTh\.S|\bBS|\bKS|\bNxb|\bSố|\btr)\.$")


def load_articles(articles_dir: Path = ARTICLES_DIR) -> list[dict]:
    """All articles, newest first."""
    articles = []
    for path in sorted(articles_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        articles.append(nfc(data))
    articles.sort(key=lambda a: a["published"], reverse=True)
    return articles


def nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    return value


def article_path(slug: str) -> str:
    return f"/tin-tuc/{slug}.html"


def listing_path(page: int) -> str:
    return "/" if page == 1 else f"/tin-tuc/trang-{page}.html"


def format_date(iso: str, with_time: bool = False) -> str:
    moment = datetime.fromisoformat(iso)
    return moment.strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")


def format_views(count: int) -> str:
    return f"{count:,}".replace(",", ".")


# ---------------------------------------------------------------- body blocks

def encode_spans(text: str) -> str:
    """Word-processor HTML: words cut across <span>s, letters as entities, one &nbsp;.

    The positions are fixed by the text itself, so the output is stable."""
    out = []
    for index, word in enumerate(text.split(" ")):
        encoded = "".join(encode_char(ch, index + i) for i, ch in enumerate(word))
        if index % 4 == 1 and len(word) >= 4:  # split this word in two spans
            cut = len(word) // 2
            left = "".join(encode_char(ch, index + i) for i, ch in enumerate(word[:cut]))
            right = "".join(encode_char(ch, index + cut + i) for i, ch in enumerate(word[cut:]))
            encoded = f'<span style="font-size:14pt">{left}</span><span style="font-size:14pt">{right}</span>'
        out.append(encoded)
    joined = ""
    for index, word in enumerate(out):
        if index:
            joined += "&nbsp;" if index == 3 else " "
        joined += word
    return f'<span lang="VI" style="font-family:&quot;Times New Roman&quot;">{joined}</span>'


def encode_char(ch: str, position: int) -> str:
    if ch in "<>&":
        return escape(ch)
    if ord(ch) < 128:
        return ch
    if ord(ch) in codepoint2name and position % 2 == 0:
        return f"&{codepoint2name[ord(ch)]};"
    if position % 3 == 0:
        return f"&#{ord(ch)};"
    return ch


def render_image(image: dict) -> str:
    src = f"/images/{image['file']}"
    alt = escape(image.get("alt", image["caption"]))
    caption = escape(image["caption"])
    if image.get("style") == "table":
        return (f'<table class="image-caption" align="center"><tbody>\n'
                f'<tr><td><img src="{src}" alt="{alt}" width="320" height="200"></td></tr>\n'
                f'<tr><td class="caption">{caption}</td></tr>\n</tbody></table>')
    return (f'<figure class="image"><img src="{src}" alt="{alt}" width="320" height="200">\n'
            f"<figcaption>{caption}</figcaption></figure>")


def render_block(block, titles: dict[str, str]) -> str:
    if isinstance(block, str):
        return f'<p style="text-align:justify">{escape(block)}</p>'
    if "h" in block:
        return f"<p><strong>{escape(block['h'])}</strong></p>"
    if "ul" in block or "ol" in block:
        tag = "ul" if "ul" in block else "ol"
        items = "\n".join(f"<li>{escape(item)}</li>" for item in block[tag])
        return f"<{tag}>\n{items}\n</{tag}>"
    if "table" in block:
        table = block["table"]
        head = "".join(f"<th>{escape(c)}</th>" for c in table["head"])
        rows = "\n".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                         for row in table["rows"])
        caption = f"<caption>{escape(table['caption'])}</caption>" if table.get("caption") else ""
        return (f'<table class="table-data" border="1" cellpadding="4">{caption}\n'
                f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody></table>")
    if "image" in block:
        return render_image(block["image"])
    if "spans" in block:
        return f'<p class="MsoNormal" style="text-align:justify">{encode_spans(block["spans"])}</p>'
    if "related_box" in block:
        items = "\n".join(f'<li><a href="{article_path(s)}">{escape(titles[s])}</a></li>'
                          for s in block["related_box"])
        return (f'<div class="box-related"><p class="box-related-title"><strong>Bài viết liên quan</strong></p>'
                f"<ul>\n{items}\n</ul></div>")
    if "share" in block:
        return ('<div class="share-buttons"><span>Chia sẻ bài viết:</span> '
                '<a href="https://www.facebook.com/sharer/sharer.php" rel="nofollow">Facebook</a> '
                '<a href="https://zalo.me/share" rel="nofollow">Zalo</a> '
                '<a href="https://twitter.com/intent/tweet" rel="nofollow">Twitter</a> '
                '<a href="#" class="share-email">Gửi email</a></div>')
    raise ValueError(f"unknown block {block!r}")


# ---------------------------------------------------------------- pages

def related_for(articles: list[dict], index: int) -> list[dict]:
    others = articles[index + 1:] + articles[:index]
    return others[:RELATED_COUNT]


def render_article(article: dict, articles: list[dict], index: int) -> str:
    titles = {a["slug"]: a["title"] for a in articles}
    path = article_path(article["slug"])
    image = first_image(article)
    meta = (f'<meta name="description" content="{escape(article["lead"])}">\n'
            f'<link rel="canonical" href="{path}">\n'
            f'<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{escape(article["title"])}">\n'
            f'<meta property="og:url" content="{path}">\n'
            + (f'<meta property="og:image" content="/images/{image}">\n' if image else "")
            + f'<meta property="article:published_time" content="{article["published"]}">\n')
    body = "\n".join(render_block(b, titles) for b in article["body"])
    attachments = ""
    if article.get("attachments"):
        links = "\n".join(f'<li><a href="/files/{a["file"]}" target="_blank">{escape(a["title"])}</a></li>'
                          for a in article["attachments"])
        attachments = (f'<div class="news-attachments"><p>{chrome.ATTACHMENTS_HEADING}</p>'
                       f"<ul>\n{links}\n</ul></div>\n")
    related = "\n".join(
        f'<li><a href="{article_path(a["slug"])}">{escape(a["title"])}</a> '
        f'<span class="date">({format_date(a["published"])})</span></li>'
        for a in related_for(articles, index))
    return (chrome.render_head(f"{article['title']} - {chrome.SITE_NAME}", meta)
            + chrome.render_top(article.get("category", "Tin hoạt động"))
            + f"""<div class="container">
<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Trang chủ</a> » <a href="/">Tin tức - Sự kiện</a> » <span>{escape(article.get("category", "Tin hoạt động"))}</span></nav>
<main id="main-content">
{chrome.render_tools()}<article class="news-detail">
<h1 class="news-title">{escape(article["title"])}</h1>
<div class="news-date">Ngày đăng: {format_date(article["published"], True)} <span class="news-views">| Lượt xem: {format_views(article["views"])}</span></div>
<div class="news-lead"><p><strong>{escape(article["lead"])}</strong></p></div>
<div class="news-content">
{body}
<p style="text-align:right"><strong>Tác giả: {escape(article["author"])}</strong></p>
</div>
{attachments}<div class="posted-by">{chrome.POSTED_BY}</div>
</article>
<div class="related-news"><h2>{chrome.RELATED_HEADING}</h2><ul>
{related}
</ul></div>
</main>
{chrome.render_sidebar()}</div>
"""
            + chrome.render_footer())


def render_listing(page: int, pages: int, items: list[dict]) -> str:
    entries = []
    for a in items:
        image = first_image(a)
        thumb = (f'<a class="news-item-thumb" href="{article_path(a["slug"])}" tabindex="-1" aria-hidden="true">'
                 f'<img src="/images/{image}" alt="" width="160" height="100"></a>\n' if image else "")
        entries.append(f"""<div class="news-item">
{thumb}<h3><a href="{article_path(a["slug"])}">{escape(a["title"])}</a></h3>
<span class="news-item-date">{format_date(a["published"])}</span>
<p class="news-item-summary">{escape(a["lead"])}</p>
</div>""")
    links = []
    if page > 1:
        links.append(f'<a rel="prev" href="{listing_path(page - 1)}">« Trang trước</a>')
    for n in range(1, pages + 1):
        links.append(f'<span class="current" aria-current="page">{n}</span>' if n == page
                     else f'<a href="{listing_path(n)}">{n}</a>')
    if page < pages:
        links.append(f'<a rel="next" href="{listing_path(page + 1)}">Trang sau »</a>')
    title = "Tin tức - Sự kiện" + (f" - Trang {page}" if page > 1 else "")
    head_extra = f'<link rel="canonical" href="{listing_path(page)}">\n'
    if page > 1:
        head_extra += f'<link rel="prev" href="{listing_path(page - 1)}">\n'
    if page < pages:
        head_extra += f'<link rel="next" href="{listing_path(page + 1)}">\n'
    return (chrome.render_head(f"{title} - {chrome.SITE_NAME}", head_extra)
            + chrome.render_top("Tin hoạt động")
            + f"""<div class="container">
<main id="main-content">
<h1 class="page-title">{escape(title)}</h1>
<div class="news-list">
{chr(10).join(entries)}
</div>
<nav class="pagination" aria-label="Phân trang">
{" ".join(links)}
</nav>
</main>
{chrome.render_sidebar()}</div>
"""
            + chrome.render_footer())


def first_image(article: dict) -> str | None:
    for block in article["body"]:
        if isinstance(block, dict) and "image" in block:
            return block["image"]["file"]
    return None


# ---------------------------------------------------------------- truth

def block_text(block) -> str | None:
    """The readable text of a paragraph-like block (None for the rest)."""
    if isinstance(block, str):
        return block
    if "spans" in block:
        return block["spans"]
    return None


def split_sentences(text: str) -> list[str]:
    pieces = re.split(r"(?<=[.!?…])\s+(?=[A-ZÀ-ỸĐ“\"(])", text)
    sentences: list[str] = []
    for piece in pieces:
        if sentences and NOT_SENTENCE_END.search(sentences[-1]):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return sentences


def body_texts(article: dict) -> list[str]:
    """Everything in the body a listener should hear, in order (no captions, no author)."""
    texts = []
    for block in article["body"]:
        if isinstance(block, str) or "spans" in block:
            texts.append(block_text(block))
        elif "h" in block:
            texts.append(block["h"])
        elif "ul" in block or "ol" in block:
            texts.extend(block.get("ul") or block.get("ol"))
        elif "table" in block:
            texts.extend(" ".join(row) for row in [block["table"]["head"], *block["table"]["rows"]])
    return texts


def build_truth(article: dict, articles: list[dict], index: int) -> dict:
    titles = {a["slug"]: a["title"] for a in articles}
    paragraphs = [t for t in (block_text(b) for b in article["body"]) if t]
    captions = [b["image"]["caption"] for b in article["body"] if isinstance(b, dict) and "image" in b]
    spoken = " ".join([article["title"], article["lead"], *body_texts(article), *captions,
                       article["author"]]).casefold()
    without = list(chrome.CHROME_WITHOUT)
    without += [a["title"] for a in related_for(articles, index)]
    for block in article["body"]:
        if isinstance(block, dict) and "related_box" in block:
            without += ["Bài viết liên quan", *(titles[s] for s in block["related_box"])]
        if isinstance(block, dict) and "share" in block:
            without += ["Chia sẻ bài viết", "Gửi email"]
    if article.get("attachments"):
        without.append(chrome.ATTACHMENTS_HEADING)
    # Chrome words that the article itself says are not leaks: leave them out.
    without = [w for w in dict.fromkeys(without) if w.casefold() not in spoken]
    contains = []
    for block in article["body"]:
        if isinstance(block, dict) and ("ul" in block or "ol" in block):
            contains.append((block.get("ul") or block.get("ol"))[-1])
        if isinstance(block, dict) and "table" in block:
            contains.append(block["table"]["rows"][-1][0])
    return {
        "url": article_path(article["slug"]),
        "kind": "sample department site (Sở TN&MT Lạng Sơn style), samples/site",
        "title": article["title"],
        "date": article["published"],
        "author": article["author"],
        "lead": article["lead"],
        "first": split_sentences(paragraphs[0])[0],
        "last": split_sentences(paragraphs[-1])[-1],
        "without": without,
        "contains": contains,
        "captions": captions,
        "attachments": [{"title": a["title"], "url": f"/files/{a['file']}"}
                        for a in article.get("attachments", [])],
        "body_chars": len("\n".join(body_texts(article))),
        "features": article.get("features", []),
        "file": f"site{article_path(article['slug'])}",
        "body_selector": "div.news-content",
        "notes": ("url is a path on the sample server; first/last: first and last sentence of the "
                  "body proper (lead, sub-headings, captions, the 'Tác giả' line, related boxes "
                  "excluded); contains: list items and table cells that must be in the body text; "
                  "body_chars: length of the body text (paragraphs, sub-headings, list items, table "
                  "rows joined by newlines); matched as NFC, whitespace-squashed substrings"),
    }


# ---------------------------------------------------------------- the build

STYLE = """body { font-family: Arial, sans-serif; margin: 0; color: #222; }
.sample-banner { background: #fff3c4; border-bottom: 2px solid #c99a00; padding: .5em 1em; font-weight: bold; }
.skip-link { position: absolute; left: -9999px; } .skip-link:focus { left: 1em; top: 1em; background: #fff; }
#header { background: #0b6e3c; color: #fff; padding: .5em 1em; } #header a { color: #fff; }
.menu, .submenu { list-style: none; display: flex; gap: 1em; padding: 0; flex-wrap: wrap; }
.ticker { background: #e8f3ec; padding: .3em 1em; color: #a00; }
.container { display: flex; gap: 2em; padding: 1em; } main { flex: 3; } .sidebar { flex: 1; }
.article-tools button, .article-tools a { margin-right: .5em; }
.news-title { color: #0b6e3c; } .news-date { color: #666; font-size: .9em; }
figure, table.image-caption { margin: 1em auto; text-align: center; } figcaption, td.caption { font-style: italic; }
table.table-data { border-collapse: collapse; } .box-related { border: 1px solid #ccc; padding: .5em; float: right; width: 40%; }
.news-item { overflow: hidden; margin-bottom: 1em; } .news-item-thumb { float: left; margin-right: 1em; }
#footer { background: #0b6e3c; color: #fff; padding: 1em; } #footer a { color: #fff; }
"""


def write_text(path: Path, text: str) -> None:
    write_if_changed(path, text.encode("utf-8"))


def build(site_dir: Path = SITE_DIR, truth_dir: Path = TRUTH_DIR) -> list[dict]:
    articles = load_articles()
    slugs = [a["slug"] for a in articles]
    if len(set(slugs)) != len(slugs):
        raise SystemExit("duplicate slugs")
    for index, article in enumerate(articles):
        write_text(site_dir / article_path(article["slug"]).lstrip("/"), render_article(article, articles, index))
        truth = build_truth(article, articles, index)
        write_text(truth_dir / f"{article['slug']}.json", json.dumps(truth, ensure_ascii=False, indent=1) + "\n")
        for block in article["body"]:
            if isinstance(block, dict) and "image" in block:
                write_if_changed(site_dir / "images" / block["image"]["file"], draw_photo(block["image"]["file"]))
        for attachment in article.get("attachments", []):
            write_if_changed(site_dir / "files" / attachment["file"], attachment_bytes(attachment, article))
    pages = (len(articles) + PAGE_SIZE - 1) // PAGE_SIZE
    for page in range(1, pages + 1):
        items = articles[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        target = "index.html" if page == 1 else f"tin-tuc/trang-{page}.html"
        write_text(site_dir / target, render_listing(page, pages, items))
    # Disallow first: Python's robotparser takes the first matching rule, not the longest.
    write_text(site_dir / "robots.txt", "User-agent: *\nDisallow: /admin/\nAllow: /\n")
    write_text(site_dir / "static" / "site.css", STYLE)
    write_if_changed(site_dir / "images" / "logo.png", draw_logo())
    return articles


def main() -> int:
    articles = build()
    print(f"built {len(articles)} articles into {SITE_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
