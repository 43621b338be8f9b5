"""The desk in headless Chromium at 1280 pixels: sign in, see a held comment with its evidence
highlighted, approve it and find it in the public API, reject with a term and a note, bulk-approve,
and the keyboard shortcuts j/k/a/r/s/e."""
import sqlalchemy as sa
from desk_support import HOLD, public_ids
from playwright.sync_api import expect

from app.extensions import db
from app.models import AuditEntry, Comment


def item(page, cid):
    return page.locator(f"#comment-{cid}")


def open_thread(page, live_server, key, status="pending"):
    page.goto(f"{live_server.url}/desk/queue?status={status}&thread={key}")
    page.wait_for_selector("#items .item")


def test_sign_in_and_see_the_evidence_highlighted(desk, live_server, comment, thread_key):
    cid = comment(thread_key, body=f"قبل {HOLD} بعد")
    open_thread(desk, live_server, thread_key)
    row = item(desk, cid)
    expect(row.locator(".body mark.hit")).to_have_text("البطيخ")
    expect(row.locator(".body")).to_have_text(f"قبل {HOLD} بعد")
    expect(row.locator(".hits")).to_contain_text("test.hold")
    expect(row.locator(".hits")).to_contain_text("عدم الإساءة للأشخاص")  # the seed's term
    expect(desk.locator('.tab.active [data-count="pending"]')).to_have_text("1")
    assert desk.evaluate("document.documentElement.dir") == "rtl"
    expect(desk.locator("#history-panel")).to_contain_text("قارئ")  # the side panel follows the focus
    assert desk.evaluate("document.documentElement.scrollWidth") <= 1280  # no sideways scrolling


def test_approve_and_see_it_in_the_public_api(desk, live_server, comment, thread_key):
    cid = comment(thread_key)
    open_thread(desk, live_server, thread_key)
    assert cid not in public_ids(live_server, thread_key)
    item(desk, cid).locator('[data-act="approve"]').click()
    expect(item(desk, cid)).to_have_attribute("data-status", "approved")
    expect(desk.locator('[data-count="pending"]')).to_have_text("0")
    expect(desk.locator('[data-count="approved"]')).to_have_text("1")
    assert public_ids(live_server, thread_key) == [cid]


def test_reject_with_a_term_and_a_note(desk, live_server, comment, thread_key):
    cid = comment(thread_key)
    open_thread(desk, live_server, thread_key)
    row = item(desk, cid)
    row.locator('[data-act="reject"]').click()
    row.locator('.reject-form select[name="category"]').select_option("insult")
    row.locator('.reject-form input[name="note"]').fill("شتيمة صريحة")
    row.locator('.reject-form button[type="submit"]').click()
    expect(row).to_have_attribute("data-status", "rejected")
    with live_server.app.app_context():
        entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.comment_id == cid)).one()
        assert (entry.action, entry.category, entry.note) == ("reject", "insult", "شتيمة صريحة")
        db.session.remove()


def test_bulk_approve(desk, live_server, comment, thread_key):
    ids = [comment(thread_key) for _ in range(4)]
    open_thread(desk, live_server, thread_key)
    desk.check("#select-all")
    expect(desk.locator("#selected-count")).to_have_text("4")
    desk.click('[data-bulk="approve"]')
    for cid in ids:
        expect(item(desk, cid)).to_have_attribute("data-status", "approved")
    assert sorted(public_ids(live_server, thread_key)) == sorted(ids)


def test_keyboard_shortcuts(desk, live_server, comment, thread_key):
    first, second, third, fourth = (comment(thread_key) for _ in range(4))
    open_thread(desk, live_server, thread_key)
    current = desk.locator(".item.current")
    expect(current).to_have_attribute("data-id", str(first))
    desk.keyboard.press("j")
    expect(current).to_have_attribute("data-id", str(second))
    desk.keyboard.press("k")
    expect(current).to_have_attribute("data-id", str(first))
    desk.keyboard.press("a")  # approve the first; the focus moves on
    expect(item(desk, first)).to_have_attribute("data-status", "approved")
    expect(current).to_have_attribute("data-id", str(second))
    desk.keyboard.press("s")
    expect(item(desk, second)).to_have_attribute("data-status", "spam")
    expect(current).to_have_attribute("data-id", str(third))
    desk.keyboard.press("r")
    expect(item(desk, third).locator(".reject-form")).to_be_visible()
    desk.keyboard.press("Escape")
    expect(item(desk, third).locator(".reject-form")).to_be_hidden()
    desk.keyboard.press("j")
    desk.keyboard.press("e")
    editor = item(desk, fourth).locator('.edit-form textarea[name="body"]')
    expect(editor).to_be_focused()
    editor.fill("نص حرّره المشرف")
    desk.keyboard.press("j")  # typing in the form is not a shortcut
    expect(current).to_have_attribute("data-id", str(fourth))
    expect(editor).to_have_value("نص حرّره المشرفj")
    editor.fill("نص حرّره المشرف")
    item(desk, fourth).locator('.edit-form button[type="submit"]').click()
    expect(item(desk, fourth)).to_have_attribute("data-status", "approved")
    expect(item(desk, fourth).locator(".body")).to_have_text("نص حرّره المشرف")
    with live_server.app.app_context():
        assert db.session.get(Comment, fourth).body == "نص حرّره المشرف"
        db.session.remove()
    assert sorted(public_ids(live_server, thread_key)) == sorted([first, fourth])


def test_english_switch(desk, live_server, comment, thread_key):
    comment(thread_key)
    open_thread(desk, live_server, thread_key)
    desk.click("#lang-switch")
    desk.wait_for_selector('html[lang="en"][dir="ltr"]')
    expect(desk.locator(".tab.active .label")).to_have_text("Pending")


def test_editors_switch_pre_moderation_on_the_controls_page(laptop, sign_in, live_server, comment, thread_key):
    comment(thread_key)
    page = sign_in(laptop.new_page(), role="editor", target="/desk/controls")
    page.goto(f"{live_server.url}/desk/controls?q={thread_key}")
    row = page.locator(f'tr[data-thread="{thread_key}"]')
    row.locator('form[data-method="PUT"] button').click()
    page.wait_for_load_state("load")
    expect(page.locator(f'tr[data-thread="{thread_key}"]')).to_contain_text("مفعّلة")
