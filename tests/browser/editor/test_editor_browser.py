"""The policy editor in Chromium: add a term in the UI, the Test box shows the new hit, publish, a new
comment with that term is held; roll back, and the same comment is approved."""
import uuid

from playwright.sync_api import expect

TERM = "قرنبيط"
TEXT = f"أكلت القرنبيط اليوم"  # noqa: F541 — the term with the article: a hit through a clitic


def post_comment(page, server, body):
    """A comment through the public API over HTTP (a fresh reader each time); returns the status."""
    response = page.request.post(f"{server.url}/api/v1/threads/browser/editor-{uuid.uuid4().hex[:6]}/comments",
                                 data={"name": "قارئ", "email": f"r-{uuid.uuid4().hex[:8]}@example.org",
                                       "body": body})
    return response.status


def sign_in(page, server):
    page.goto(f"{server.url}/editor")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.fill("#sign-in-email", server.email)
    page.fill("#sign-in-password", server.password)
    page.click("#sign-in-form button[type=submit]")
    expect(page.locator("#editor")).to_be_visible()
    expect(page.locator("#active-number")).to_have_text("1")
    expect(page.locator("#rules-table tbody tr")).to_have_count(2)


def test_add_test_publish_hold_rollback_approve(browser, editor_server, context):
    server, page = editor_server, context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    assert post_comment(page, server, TEXT) == 201  # version 1 lets it through

    sign_in(page, server)
    page.click("[data-tab=lists]")
    page.select_option("#list-select", "hold_words")
    page.fill("#term-input", TERM)
    page.fill("#term-note", "خضار للاختبار")
    page.click("#term-add")
    expect(page.locator(f'#terms-table tr[data-term="{TERM}"]')).to_contain_text("خضار للاختبار")

    page.click("[data-tab=test]")
    page.fill("#test-text", TEXT)
    page.click("#test-run")
    draft_side, active_side = page.locator("#test-draft"), page.locator("#test-active")
    expect(draft_side.locator(".outcome strong")).to_have_text("حجز")
    expect(draft_side.locator("p.tested mark")).to_have_text("القرنبيط")
    expect(draft_side.locator("li[data-rule='test.hold_word']")).to_contain_text("clitic ال-")
    expect(active_side.locator(".outcome strong")).to_have_text("نشر")
    expect(active_side.locator("mark")).to_have_count(0)

    page.click("[data-tab=publish]")
    expect(page.locator("#draft-diff")).to_contain_text(TERM)
    page.fill("#publish-note", "إضافة القرنبيط إلى قائمة الحجز")
    page.click("#publish-button")
    expect(page.locator("#flash")).to_contain_text("2")
    expect(page.locator("#active-number")).to_have_text("2")
    assert post_comment(page, server, TEXT) == 202  # held under version 2

    page.click("[data-tab=versions]")
    row = page.locator("#versions-table tr[data-version='1']")
    expect(page.locator("#versions-table tr[data-version='2']")).to_contain_text("إضافة القرنبيط")
    row.locator("button.rollback").click()
    expect(page.locator("#active-number")).to_have_text("1")
    expect(page.locator("#version-diff")).to_contain_text(TERM)
    assert post_comment(page, server, TEXT) == 201  # approved again under version 1


def test_english_switch_and_field_errors(browser, editor_server, context):
    server, page = editor_server, context.new_page()
    sign_in(page, server)
    page.click("#lang-switch")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("[data-tab=rules]")).to_have_text("Rules")
    page.click("#new-rule")
    form = page.locator("#rule-form")
    form.locator("[name=id]").fill("test.broken")
    form.locator("[name=type]").select_option("pattern")
    form.locator("[name=pattern]").fill("(a+")
    form.locator("[name=description_ar]").fill("نمط معطوب")
    form.locator("[name=description_en]").fill("broken pattern")
    form.locator("[name=examples_match]").fill("aaa")
    form.locator("button[type=submit]").click()
    expect(form.locator("[data-error=pattern]")).to_contain_text("RE2")
    page.click("#lang-switch")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
