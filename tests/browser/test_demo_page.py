"""The demo articles at /demo/ and /demo/en/ with the widget working under them.

With MAJLIS_SCREENSHOTS=1 the Arabic page is saved to docs/screenshots/demo.png (for the README),
showing the terms of the default policy instead of the test policy's.
"""
import os
from pathlib import Path

from playwright.sync_api import expect

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "demo.png"


def seed(live_server, key, **fields):
    response = live_server.app.test_client().post(f"/api/v1/threads/{key}/comments", json=fields)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["comment"]


def test_arabic_demo_article_with_the_widget(live_server, page, tmp_path):
    key = "demo/euphrates-talks"
    for_readme = os.environ.get("MAJLIS_SCREENSHOTS") == "1"
    policy = live_server.app.config["POLICY_FILE"]
    if for_readme:
        live_server.app.config["POLICY_FILE"] = str(SCREENSHOT.parents[2] / "policies" / "default.yaml")
    first = seed(live_server, key, name="سامر من دير الزور", email="samer@example.org",
                 website="https://samer.example/",
                 body="المشكلة ليست في الحصص فقط بل في القنوات القديمة التي تهدر نصف المياه قبل وصولها للحقول.")
    seed(live_server, key, name="ليلى", email="layla@example.org", parent_id=first["id"],
         body="صحيح، والبلديات يجب أن تكون ممثلة في اللجنة المشتركة كما طالبت المنظمات المحلية.")
    seed(live_server, key, name="أبو خالد", email="abu.khaled@example.org",
         body="نأمل أن تُنشر تقارير اللجنة فعلاً وألا تبقى حبراً على ورق.")
    try:
        page.goto(f"{live_server.url}/demo/")
        page.wait_for_selector("#majlis-thread[data-majlis-ready]")
    finally:
        live_server.app.config["POLICY_FILE"] = policy
    expect(page.locator("h1")).to_contain_text("محادثات إقليمية")
    expect(page.locator(".majlis")).to_have_attribute("dir", "rtl")
    expect(page.locator(".majlis-comment")).to_have_count(3)
    expect(page.locator(f"#majlis-comment-{first['id']} .majlis-children .majlis-comment")).to_have_count(1)
    expect(page.locator(".majlis-title")).to_contain_text("اترك تعليق")
    expect(page.locator(".majlis-terms li").first).to_have_text("عدم الإساءة للكاتب")
    page.locator("#majlis-name").fill("قارئ جديد")
    target = SCREENSHOT if for_readme else tmp_path / "demo.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000


def test_english_demo_article(live_server, page):
    page.goto(f"{live_server.url}/demo/en/")
    page.wait_for_selector("#majlis-thread[data-majlis-ready]")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".majlis")).to_have_attribute("dir", "ltr")
    expect(page.locator(".majlis-title")).to_contain_text("Leave a comment")
    expect(page.locator(".majlis-notes")).to_contain_text("Your email address will not be published.")
