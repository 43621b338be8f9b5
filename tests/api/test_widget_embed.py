"""The embed: /widget.js and /widget.css with caching headers, /api/v1/terms, avatars, the demo pages."""
import hashlib
import re
from pathlib import Path

import pytest

KEY = "news/2026/embed"
EMBED = '<div id="majlis-thread" data-thread="{}"></div><script src="/widget.js" async></script>'


def test_widget_script_is_javascript_with_caching_headers(client):
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.mimetype == "application/javascript"
    assert response.headers["Cache-Control"].startswith("public, max-age=")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    etag = response.headers["ETag"]
    again = client.get("/widget.js", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""


def test_widget_script_is_small_plain_and_talks_to_majlis_only(client):
    source = client.get("/widget.js").get_data(as_text=True)
    assert len(source.encode()) < 40_000
    code = source.split("*/", 1)[1]  # after the header comment (its embed example names a host)
    assert not re.search(r"https?://|//[a-z0-9-]+\.[a-z]", code, re.I), "no request to any other host"
    for banned in ("gravatar", "eval(", "new Function", "document.write", "import(", "XMLHttpRequest"):
        assert banned not in code
    assert ".innerHTML = typeof html" in code and code.count("innerHTML") == 1  # only into an inert template


def test_widget_stylesheet(client):
    response = client.get("/widget.css")
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert "ETag" in response.headers and response.headers["Cache-Control"].startswith("public")


@pytest.mark.parametrize("path,lang,thread", [("/demo/", "ar", "demo/euphrates-talks"),
                                               ("/demo/en/", "en", "demo/en/euphrates-talks")])
def test_demo_pages_embed_the_widget(client, path, lang, thread):
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in html
    assert EMBED.format(thread) in html
    assert "<h1>" in html and "<time" in html and "<noscript>" in html
    assert f'action="/api/v1/threads/{thread}/comments"' in html
    assert 'name="redirect" value="http://localhost' + path + '"' in html


def test_arabic_demo_is_shaped_like_the_seed(client):
    html = client.get("/demo/").get_data(as_text=True)
    for text in ("الواجهة", "عربي دولي", "متابعات", "اترك تعليق", "لن يتم نشر عنوان بريدك الإلكتروني.",
                 "الحقول الإلزامية مشار إليها بـ *"):
        assert text in html, text
    assert html.count("<p>") >= 4


def test_demo_shows_a_no_javascript_outcome_from_a_closed_set(client):
    html = client.get("/demo/?majlis=rejected&majlis_terms=insult,<script>").get_data(as_text=True)
    assert "لم يُنشر تعليقك" in html and "الابتعاد عن الشتائم" in html and "<script>" not in html
    html = client.get("/demo/en/?majlis=pending").get_data(as_text=True)
    assert "Your comment is awaiting moderation." in html
    html = client.get("/demo/?majlis=<b>owned</b>").get_data(as_text=True)
    assert "owned" not in html and 'class="nojs-notice"' not in html


def test_terms_from_the_active_policy_in_arabic(client):
    response = client.get("/api/v1/terms")
    assert response.status_code == 200 and response.is_json
    body = response.get_json()
    assert body["lang"] == "ar" and body["intro"] == "شروط التعليق"
    assert body["policy"] == {"id": "test", "version": 1}
    assert body["terms"] == [{"category": "person_offense", "text": "عدم الإساءة للأشخاص"},
                             {"category": "insult", "text": "الابتعاد عن الشتائم"}]
    assert body["edit_window_minutes"] == 15
    assert "ع" in response.get_data(as_text=True)  # Arabic as characters, not \u escapes
    assert "Accept-Language" in response.headers["Vary"]
    assert client.get("/api/v1/terms", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304


def test_terms_in_english(client):
    body = client.get("/api/v1/terms", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_json()
    assert body["lang"] == "en" and body["intro"] == "Commenting terms"
    assert [t["text"] for t in body["terms"]] == ["No offending persons", "No insults or profanity"]


def test_terms_follow_the_policy_file(app_with):
    policy = Path(__file__).resolve().parent.parent / "browser" / "fixtures" / "policy.yaml"
    body = app_with(POLICY_FILE=str(policy)).test_client().get("/api/v1/terms").get_json()
    assert body["policy"]["id"] == "widget-test"
    assert [t["category"] for t in body["terms"]] == ["author_offense", "person_offense", "insult", "spam"]


def test_avatar_is_a_keyed_hash_never_the_email_or_its_md5(client, post, app_with):
    email = "Reader.Avatar@Example.org"
    view = post(KEY, email=email).get_json()["comment"]
    match = re.fullmatch(r"/api/v1/avatars/([0-9a-f]{24})\.svg", view["avatar"])
    assert match, view["avatar"]
    digest = match.group(1)
    for algorithm in ("md5", "sha1", "sha256"):
        for variant in (email, email.lower()):
            assert digest not in hashlib.new(algorithm, variant.encode()).hexdigest()
    assert "gravatar" not in view["avatar"]
    # the same author gets the same picture; another secret gives another one
    assert post(KEY, email=email.lower()).get_json()["comment"]["avatar"] == view["avatar"]
    other = app_with(SECRET_KEY="another-secret").test_client()
    assert post(KEY, email=email, via=other).get_json()["comment"]["avatar"] != view["avatar"]


def test_avatar_image(client, post, problem):
    avatar = post(KEY).get_json()["comment"]["avatar"]
    response = client.get(avatar)
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.data.startswith(b"<svg") and b"<script" not in response.data
    assert "public" in response.headers["Cache-Control"]
    problem(client.get("/api/v1/avatars/not-a-digest.svg"), 404)
