"""The embedded widget in headless Chromium: posting, moderation notices, errors, replies, editing."""
import re
import uuid

from playwright.sync_api import expect

from tests.browser.conftest import NEWS_SITE

HOLD, REJECT = "بطيخ", "باذنجان"  # the browser test policy's words (fixtures/policy.yaml)
PENDING = "تعليقك بانتظار المراجعة"


def is_arabic(text):
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def seed(live, key, **fields):
    """A comment posted through the API (not the widget); returns the JSON answer."""
    data = {"name": "قارئ سابق", "email": f"seed-{uuid.uuid4().hex[:8]}@example.org",
            "body": f"تعليق سابق {uuid.uuid4().hex[:6]}"}
    data.update(fields)
    response = live.app.test_client().post(f"/api/v1/threads/{key}/comments", json=data)
    assert response.status_code in (201, 202), response.get_json()
    return response.get_json()


def fill(page, body, *, name="قارئة من حلب", email=None, website="", remember=False, within=None):
    form = (within or page).locator("form.majlis-form")
    form.locator("#majlis-body").fill(body)
    form.locator("#majlis-name").fill(name)
    form.locator("#majlis-email").fill(email or f"reader-{uuid.uuid4().hex[:8]}@example.org")
    form.locator("#majlis-website").fill(website)
    form.locator("#majlis-remember").set_checked(remember)
    form.locator("button.majlis-submit").click()


def comment(page, text):
    return page.locator(".majlis-comment", has_text=text)


def test_form_has_the_seed_labels_and_the_terms(live_server, page, thread_key):
    live_server.article(page, thread_key)
    box = page.locator(".majlis")
    expect(box).to_have_attribute("dir", "rtl")
    expect(box.locator(".majlis-title")).to_contain_text("اترك تعليق")
    expect(box.locator(".majlis-notes")).to_contain_text("لن يتم نشر عنوان بريدك الإلكتروني.")
    expect(box.locator(".majlis-notes")).to_contain_text("الحقول الإلزامية مشار إليها بـ *")
    for field in ("body", "name", "email"):
        expect(box.locator(f"label[for=majlis-{field}] .majlis-required")).to_have_text(" *")
    expect(box.locator("label[for=majlis-website] .majlis-required")).to_have_count(0)
    expect(box.locator("label[for=majlis-remember]")).to_contain_text("احفظ اسمي، بريدي الإلكتروني")
    expect(box.locator(".majlis-terms-title")).to_have_text("شروط التعليق :")
    expect(box.locator(".majlis-terms li")).to_have_text(
        ["عدم الإساءة للكاتب", "عدم الإساءة للأشخاص", "الابتعاد عن الشتائم", "عدم نشر الإعلانات والروابط المزعجة"])
    expect(box.locator(".majlis-count")).to_have_text("لا توجد تعليقات بعد")


def test_english_page_gets_the_english_widget(live_server, page, thread_key):
    live_server.article(page, thread_key, lang="en-GB", title="A test article")
    box = page.locator(".majlis")
    expect(box).to_have_attribute("dir", "ltr")
    expect(box.locator(".majlis-title")).to_contain_text("Leave a comment")
    expect(box.locator(".majlis-terms-title")).to_have_text("Commenting terms :")
    box.locator("button.majlis-submit").click()
    expect(box.locator("#majlis-name-error")).to_be_visible()
    assert not is_arabic(box.locator("#majlis-name-error").inner_text())


def test_post_a_clean_comment_and_see_it(live_server, page, thread_key):
    live_server.article(page, thread_key)
    fill(page, "تحليل متوازن، شكراً للكاتب.", website="https://blog.example/me")
    item = comment(page, "تحليل متوازن")
    expect(item).to_be_visible()
    expect(page.locator(".majlis-notice")).to_have_text("تم نشر تعليقك.")
    expect(page.locator(".majlis-count")).to_have_text("تعليق واحد")
    link = item.locator("a.majlis-author")
    expect(link).to_have_text("قارئة من حلب")
    expect(link).to_have_attribute("href", "https://blog.example/me")
    expect(link).to_have_attribute("rel", "nofollow ugc noopener")
    expect(item.locator("img.majlis-avatar")).to_have_attribute("src", re.compile(
        re.escape(live_server.url) + r"/api/v1/avatars/[0-9a-f]{24}\.svg$"))
    page.reload()
    page.wait_for_selector("#majlis-thread[data-majlis-ready]")
    expect(comment(page, "تحليل متوازن")).to_be_visible()
    expect(comment(page, "تحليل متوازن").locator(".majlis-pending-mark")).to_have_count(0)


def test_held_comment_is_pending_for_its_author_also_after_reload(live_server, page, context, thread_key):
    address = live_server.article(page, thread_key)
    fill(page, f"عن سعر {HOLD} هذا الصيف", remember=True)
    item = comment(page, "هذا الصيف")
    expect(item.locator(".majlis-pending-mark")).to_have_text(PENDING)
    expect(page.locator(".majlis-notice")).to_contain_text(PENDING)
    expect(page.locator(".majlis-count")).to_have_text("لا توجد تعليقات بعد")
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('majlis:tokens'))")
    assert len(stored) == 1
    assert "edit_token" not in page.url and "token" not in address

    page.reload()
    page.wait_for_selector("#majlis-thread[data-majlis-ready]")
    expect(comment(page, "هذا الصيف").locator(".majlis-pending-mark")).to_have_text(PENDING)
    expect(page.locator("#majlis-name")).to_have_value("قارئة من حلب")  # the saved details
    expect(page.locator("#majlis-remember")).to_be_checked()

    other = context.browser.new_context()  # another reader: not shown
    try:
        stranger = other.new_page()
        live_server.article(stranger, thread_key)
        expect(stranger.locator(".majlis-comment")).to_have_count(0)
    finally:
        other.close()


def test_without_the_box_nothing_is_kept_in_the_browser(live_server, page, thread_key):
    live_server.article(page, thread_key)
    fill(page, f"رأي عن {HOLD} بلا حفظ", remember=False)
    expect(comment(page, "بلا حفظ").locator(".majlis-pending-mark")).to_have_text(PENDING)
    assert page.evaluate("() => [localStorage.getItem('majlis:tokens'), localStorage.getItem('majlis:author')]") \
        == [None, None]
    page.reload()
    page.wait_for_selector("#majlis-thread[data-majlis-ready]")
    expect(page.locator(".majlis-comment")).to_have_count(0)


def test_rejected_comment_shows_the_broken_term(live_server, page, thread_key):
    live_server.article(page, thread_key)
    fill(page, f"هذا {REJECT} مقلي")
    error = page.locator(".majlis-form .majlis-form-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("تعليقك يخالف شروط التعليق")
    expect(error.locator(".majlis-violations li")).to_have_text(["الابتعاد عن الشتائم"])
    expect(page.locator("#majlis-body")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".majlis-comment")).to_have_count(0)


def test_errors_in_arabic_beside_the_fields(live_server, page, thread_key):
    live_server.article(page, thread_key)
    page.locator("button.majlis-submit").click()
    for field in ("body", "name", "email"):
        error = page.locator(f"#majlis-{field}-error")
        expect(error).to_be_visible()
        assert is_arabic(error.inner_text()), error.inner_text()
        expect(page.locator(f"#majlis-{field}")).to_have_attribute("aria-invalid", "true")
        # beside its field: the error sits in the same paragraph as the input it describes
        assert page.locator(f".majlis-field-{field} #majlis-{field}-error").count() == 1
    expect(page.locator("#majlis-website-error")).to_be_hidden()
    fill(page, "نص صحيح", email="ليس-بريداً", website="ftp://example.org/x")
    expect(page.locator("#majlis-email-error")).to_be_visible()
    expect(page.locator("#majlis-website-error")).to_be_visible()
    expect(page.locator("#majlis-name-error")).to_be_hidden()
    assert is_arabic(page.locator("#majlis-website-error").inner_text())


def test_duplicate_shows_the_servers_message(live_server, page, thread_key):
    live_server.article(page, thread_key)
    fill(page, "تعليق مكرر تماماً", email="same@example.org")
    expect(comment(page, "مكرر")).to_be_visible()
    fill(page, "تعليق مكرر تماماً", email="same@example.org")
    expect(page.locator(".majlis-form .majlis-form-error")).to_contain_text("يبدو")


def test_closed_thread_hides_the_form(live_server, page, thread_key):
    from app.services import threads

    with live_server.app.app_context():
        threads.register(thread_key, closed=True)
    live_server.article(page, thread_key)
    expect(page.locator(".majlis-closed")).to_be_visible()
    expect(page.locator(".majlis-respond")).to_be_hidden()


def test_reply_is_threaded(live_server, page, thread_key):
    parent = seed(live_server, thread_key, name="كاتب الأصل", body="التعليق الأصلي")["comment"]
    live_server.article(page, thread_key)
    parent_item = page.locator(f"#majlis-comment-{parent['id']}")
    parent_item.locator("button.majlis-reply").first.click()
    expect(page.locator(".majlis-title")).to_contain_text("الرد على كاتب الأصل")
    expect(parent_item.locator(".majlis-respond")).to_be_visible()  # the form moved under the comment
    fill(page, "رد على التعليق الأصلي", within=parent_item)
    expect(parent_item.locator(".majlis-children .majlis-comment", has_text="رد على")).to_be_visible()
    expect(page.locator(".majlis-title")).to_contain_text("اترك تعليق")  # the form went back
    page.reload()
    page.wait_for_selector("#majlis-thread[data-majlis-ready]")
    expect(page.locator(f"#majlis-comment-{parent['id']} > .majlis-children > .majlis-comment")).to_have_text(
        re.compile("رد على التعليق الأصلي"))
    expect(page.locator(".majlis-count")).to_have_text("تعليقان")


def test_cancel_reply(live_server, page, thread_key):
    seed(live_server, thread_key)
    live_server.article(page, thread_key)
    page.locator("button.majlis-reply").first.click()
    page.locator("button.majlis-cancel").click()
    expect(page.locator(".majlis > .majlis-respond")).to_be_visible()
    expect(page.locator("button.majlis-cancel")).to_be_hidden()


def test_edit_within_the_window(live_server, page, thread_key):
    live_server.article(page, thread_key)
    fill(page, "نسخة أولى من التعليق", remember=True)
    item = page.locator("#" + comment(page, "نسخة أولى").get_attribute("id"))
    item.locator("button.majlis-edit").click()
    editor = item.locator("textarea.majlis-edit-body")
    expect(editor).to_have_value("نسخة أولى من التعليق")
    editor.fill("نسخة ثانية بعد التعديل")
    item.locator("button.majlis-save").click()
    expect(item.locator(".majlis-text")).to_have_text("نسخة ثانية بعد التعديل")
    expect(item.locator(".majlis-edited")).to_be_visible()
    page.reload()
    page.wait_for_selector("#majlis-thread[data-majlis-ready]")
    item = page.locator("#" + comment(page, "نسخة ثانية").get_attribute("id"))
    expect(item.locator(".majlis-edited")).to_be_visible()
    # an edit the policy rejects is refused with the term, and the comment stays
    item.locator("button.majlis-edit").click()
    item.locator("textarea.majlis-edit-body").fill(f"نسخة فيها {REJECT}")
    item.locator("button.majlis-save").click()
    expect(item.locator(".majlis-editor .majlis-form-error")).to_contain_text("الابتعاد عن الشتائم")
    # an edit the policy holds takes it back to moderation
    item.locator("textarea.majlis-edit-body").fill(f"نسخة فيها {HOLD}")
    item.locator("button.majlis-save").click()
    expect(item.locator(".majlis-pending-mark")).to_have_text(PENDING)


def test_delete_own_comment(live_server, page, thread_key):
    live_server.article(page, thread_key)
    fill(page, "تعليق سأحذفه")
    item = page.locator("#" + comment(page, "سأحذفه").get_attribute("id"))
    item.locator("button.majlis-delete").click()
    item.locator("button.majlis-confirm-delete").click()
    expect(item.locator(".majlis-deleted")).to_be_visible()
    expect(page.locator(".majlis-notice")).to_have_text("تم حذف هذا التعليق.")
    expect(page.locator(".majlis-count")).to_have_text("لا توجد تعليقات بعد")
    body = live_server.app.test_client().get(f"/api/v1/threads/{thread_key}/comments").get_json()
    assert body["comments"] == []


def test_others_comments_have_no_edit_controls(live_server, page, thread_key):
    seed(live_server, thread_key, body="تعليق شخص آخر")
    live_server.article(page, thread_key)
    expect(comment(page, "شخص آخر")).to_be_visible()
    expect(page.locator("button.majlis-edit")).to_have_count(0)


def test_load_more_pages(live_server, page, thread_key):
    for n in range(55):
        seed(live_server, thread_key, body=f"تعليق رقم {n:03d}")
    live_server.article(page, thread_key)
    expect(page.locator(".majlis-comment")).to_have_count(50)
    page.locator("button.majlis-more").click()
    expect(page.locator(".majlis-comment")).to_have_count(55)
    expect(page.locator("button.majlis-more")).to_be_hidden()
    expect(page.locator(".majlis-comment .majlis-text").last).to_have_text("تعليق رقم 054")


def test_cross_origin_embed_on_an_allowed_news_site(live_server, page, thread_key):
    """The real embed: the article on https://news.example, Majlis on another origin (CORS).

    Here Majlis is on loopback, so Chromium's Local Network Access asks for a permission a public
    Majlis never needs; the test grants it.
    """
    page.context.grant_permissions(["local-network-access"], origin=NEWS_SITE)
    live_server.article(page, thread_key, origin=NEWS_SITE)
    fill(page, "تعليق من موقع الصحيفة", remember=True)
    expect(comment(page, "موقع الصحيفة")).to_be_visible()
    page.reload()  # the own-comment lookup sends X-Edit-Token: a preflighted request
    page.wait_for_selector("#majlis-thread[data-majlis-ready]")
    expect(comment(page, "موقع الصحيفة").locator("button.majlis-edit")).to_be_visible()


def test_no_javascript_form_redirects_back_with_the_outcome(live_server, browser):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(f"{live_server.url}/demo/")
        form = page.locator("noscript form, form[action*='/comments']").first
        form.locator("textarea[name=body]").fill("تعليق بلا جافاسكربت")
        form.locator("input[name=name]").fill("قارئ تقليدي")
        form.locator("input[name=email]").fill(f"nojs-{uuid.uuid4().hex[:6]}@example.org")
        form.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(r"/demo/\?majlis=published"))
        expect(page.locator(".nojs-notice")).to_have_text("تم نشر تعليقك.")
    finally:
        ctx.close()


def test_redirect_refused_for_a_foreign_url(live_server, page):
    """A form naming a foreign redirect gets the plain JSON answer; the browser never leaves Majlis."""
    evil_hits = []
    page.route("https://evil.example/**", lambda route: (evil_hits.append(route.request.url),
                                                         route.fulfill(status=200, body="evil")))
    address = f"{live_server.url}/t/plain-form"
    html = ('<!doctype html><html lang="ar"><meta charset="utf-8"><form method="post" '
            'action="/api/v1/threads/browser/plain-form/comments">'
            '<input name="name" value="قارئ"><input name="email" value="plain@example.org">'
            f'<textarea name="body">محاولة تحويل {uuid.uuid4().hex[:6]}</textarea>'
            '<input type="hidden" name="redirect" value="https://evil.example/phish">'
            '<button type="submit">إرسال</button></form></html>')
    page.route(address, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
    page.goto(address)
    with page.expect_response(re.compile(r"/api/v1/threads/browser/plain-form/comments$")) as answer:
        page.locator("button[type=submit]").click()
    response = answer.value
    assert response.status == 201
    assert response.headers["content-type"].startswith("application/json")
    page.wait_for_load_state()
    assert page.url.startswith(live_server.url)
    assert evil_hits == []
