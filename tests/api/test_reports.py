"""Readers' reports: POST /api/v1/comments/<id>/report {reason}; distinct readers by IP hash; after the
threshold a published comment is `reported` (visible or hidden, a setting); rate limited per IP."""
import pytest
from test_moderation_support import *  # noqa: F403  (the shared fixtures)

from app.extensions import db
from app.models import Role, Status
from app.services import settings

KEY = "news/reports"


@pytest.fixture
def dial(app):
    def set_(**values):
        with app.app_context():
            settings.apply(None, values)

    return set_


@pytest.fixture
def published(post):
    def make(**fields):
        response = post(KEY, **fields)
        assert response.status_code == 201
        return response.get_json()["comment"]["id"]

    return make


def report(client, cid, ip="203.0.113.1", reason="إساءة لشخص", **kw):
    return client.post(f"/api/v1/comments/{cid}/report", json={"reason": reason},
                       environ_base={"REMOTE_ADDR": ip}, **kw)


def listed(client):
    data = client.get(f"/api/v1/threads/{KEY}/comments").get_json()
    return [c["id"] for c in data["comments"]], data["thread"]["comment_count"]


def test_a_report_is_received_and_counted_once_per_reader(client, published, stored):
    cid = published()
    for _ in range(3):
        response = report(client, cid)
        assert response.status_code == 202 and response.get_json() == {"received": True}
    assert stored(cid)["report_count"] == 1
    assert report(client, cid, ip="203.0.113.2").status_code == 202
    assert stored(cid)["report_count"] == 2
    assert stored(cid)["status"] == Status.APPROVED  # the threshold is off by default


def test_after_the_threshold_a_comment_is_reported_and_still_visible(client, published, stored, dial, audit_rows):
    dial(reports_threshold=2)
    cid = published()
    report(client, cid, ip="198.51.100.1")
    assert stored(cid)["status"] == Status.APPROVED
    report(client, cid, ip="198.51.100.2")
    assert stored(cid)["status"] == Status.REPORTED
    assert listed(client) == ([cid], 1)  # still shown, still counted
    assert [r["action"] for r in audit_rows(comment_id=cid)] == ["reported"]
    report(client, cid, ip="198.51.100.3")  # a reported comment can be reported again
    assert stored(cid)["report_count"] == 3


def test_hidden_when_the_setting_says_so(client, published, stored, dial):
    dial(reports_threshold=1)
    cid, other = published(), published()
    report(client, cid)
    assert listed(client) == ([cid, other], 2)
    dial(reports_hide=True)  # the thread's count is recomputed at once
    assert listed(client) == ([other], 1)
    assert report(client, cid, ip="192.0.2.9").status_code == 404  # hidden: not reportable
    dial(reports_hide=False)
    assert listed(client) == ([cid, other], 2)


def test_a_moderator_decides_a_reported_comment(client, published, stored, dial, auth_headers):
    dial(reports_threshold=1, reports_hide=True)
    cid = published()
    report(client, cid)
    headers = auth_headers(Role.MODERATOR)
    queue = client.get("/api/v1/moderation/queue?status=reported", headers=headers).get_json()
    assert [i["id"] for i in queue["items"]] == [cid] and queue["counts"]["reported"] == 1
    response = client.post(f"/api/v1/moderation/comments/{cid}/decision", json={"action": "approve"},
                           headers=headers)
    assert response.status_code == 200
    assert listed(client) == ([cid], 1)


def test_only_published_comments_can_be_reported(client, held, problem):
    problem(report(client, held(KEY)), 404)
    problem(report(client, 2**31 - 3), 404)
    assert client.post("/api/v1/comments/99999999999999/report", json={"reason": "x"}).status_code == 404


def test_the_reason_is_required_and_validated(client, published, problem):
    cid = published()
    body = problem(report(client, cid, reason="  "), 422)
    assert "reason" in body["errors"]
    problem(report(client, cid, reason="x" * 501), 422)
    problem(client.post(f"/api/v1/comments/{cid}/report", data="reason", content_type="text/plain"), 415)
    form = client.post(f"/api/v1/comments/{cid}/report", data={"reason": "سبام"})
    assert form.status_code == 202


def test_reports_are_rate_limited_per_ip(limited_app, valid_comment, problem):
    app = limited_app(RATELIMIT_REPORT_IP="2 per minute", RATELIMIT_POST_IP="100 per minute",
                      RATELIMIT_POST_EMAIL="100 per minute")
    client = app.test_client()
    ids = [client.post(f"/api/v1/threads/{KEY}/comments", json=valid_comment()).get_json()["comment"]["id"]
           for _ in range(3)]
    assert [report(client, i).status_code for i in ids[:2]] == [202, 202]
    problem(report(client, ids[2]), 429)
    assert report(client, ids[2], ip="203.0.113.77").status_code == 202


def test_the_report_count_is_not_public(client, published, app):
    cid = published()
    report(client, cid)
    data = client.get(f"/api/v1/threads/{KEY}/comments").get_json()
    assert "report_count" not in data["comments"][0]
    with app.app_context():
        db.session.remove()
