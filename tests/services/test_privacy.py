"""`flask privacy export|erase EMAIL`: everything about an email, then anonymized with an audit entry."""
import json

import sqlalchemy as sa

from app.extensions import db
from app.models import AuditEntry, Comment

EMAIL = "Layla.Reader@Example.org"
KEY = "news/privacy"


def _posts(post):
    first = post(KEY, email=EMAIL, name="ليلى", website="https://layla.example", body="رأيي الأول في المقال")
    second = post(KEY, email=" layla.reader@example.org ", name="ليلى", body="أحب البطيخ")  # held
    other = post(KEY, email="someone.else@example.org", body="تعليق شخص آخر")
    assert (first.status_code, second.status_code, other.status_code) == (201, 202, 201)
    return first.get_json()["comment"]["id"], second.get_json()["comment"]["id"], other.get_json()["comment"]["id"]


def test_export_prints_everything_about_the_email(app, post):
    first, second, other = _posts(post)
    result = app.test_cli_runner().invoke(args=["privacy", "export", EMAIL])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [c["id"] for c in data["comments"]] == [first, second]
    assert data["comments"][0]["body"] == "رأيي الأول في المقال"
    assert data["comments"][0]["website"] == "https://layla.example"
    assert data["comments"][1]["status"] == "pending" and data["comments"][1]["decision"]["hits"]
    assert data["comments"][0]["thread"] == KEY
    assert "ليلى" in result.output  # Arabic as characters
    assert other not in [c["id"] for c in data["comments"]]


def test_erase_anonymizes_and_keeps_text_by_default(app, client, post):
    first, second, other = _posts(post)
    result = app.test_cli_runner().invoke(args=["privacy", "erase", EMAIL, "--yes"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"comments": 2, "text_removed": False}
    with app.app_context():
        for cid in (first, second):
            row = db.session.get(Comment, cid)
            assert row.name == "—" and row.website is None and "layla" not in row.email.lower()
            assert row.ip_hash is None and row.edit_token_hash is None and row.user_agent is None
            assert all(h["text"] == "" for h in (row.decision or {}).get("hits", []) if h["field"] == "name")
        assert db.session.get(Comment, first).body == "رأيي الأول في المقال"
        assert db.session.get(Comment, other).name != "—"
        entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "privacy_erase")).one()
        assert entry.detail["comments"] == 2 and sorted(entry.detail["comment_ids"]) == [first, second]
        assert "layla" not in json.dumps(entry.detail).lower() and "layla" not in (entry.note or "").lower()
    page = client.get(f"/api/v1/threads/{KEY}/comments").get_json()
    names = {c["id"]: c["name"] for c in page["comments"]}
    assert names[first] == "—" and page["comments"][0].get("website") in (None, "")
    # Nothing is left to export.
    assert json.loads(app.test_cli_runner().invoke(args=["privacy", "export", EMAIL]).output)["comments"] == []


def test_erase_can_remove_the_text(app, post):
    first, second, _ = _posts(post)
    result = app.test_cli_runner().invoke(args=["privacy", "erase", EMAIL, "--yes", "--remove-text"])
    assert json.loads(result.output) == {"comments": 2, "text_removed": True}
    with app.app_context():
        for cid in (first, second):
            row = db.session.get(Comment, cid)
            assert row.body == "" and row.body_html == ""
            assert all(h["text"] == "" for h in (row.decision or {}).get("hits", []))


def test_the_setting_decides_when_the_command_does_not(app_with, post):
    other = app_with(PRIVACY_ERASE_BODY=True)
    first, _, _ = _posts(post)
    result = other.test_cli_runner().invoke(args=["privacy", "erase", EMAIL, "--yes"])
    assert json.loads(result.output)["text_removed"] is True
    with other.app_context():
        assert db.session.get(Comment, first).body == ""


def test_erase_asks_before_it_acts(app, post):
    first, _, _ = _posts(post)
    result = app.test_cli_runner().invoke(args=["privacy", "erase", EMAIL], input="n\n")
    assert result.exit_code != 0
    with app.app_context():
        assert db.session.get(Comment, first).name == "ليلى"
