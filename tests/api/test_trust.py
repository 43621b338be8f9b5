"""Author trust, bans and pre-moderation, through the public API: hold the first comment of an email,
publish what only a scored rule held for trusted authors (never what a reject or hold rule caught),
bans by email or IP with expiry, marked for moderators."""
import uuid

import pytest
from test_moderation_support import *  # noqa: F403  (the shared fixtures)
from test_moderation_support import bearer

from app.extensions import db
from app.models import Comment, Role, Status
from app.services import settings, trust

KEY = "news/trust"
SCORED_POLICY = """
id: scored
version: 1
thresholds: {hold: 4, reject: 10}
limits: {max_input_chars: 20000, rule_budget_ms: 1000}
terms_intro: {ar: "شروط التعليق", en: "Commenting terms"}
categories:
  person_offense: {ar: "عدم الإساءة للأشخاص", en: "No offending persons"}
  insult:         {ar: "الابتعاد عن الشتائم", en: "No insults or profanity"}
lexicons:
  scored_words: scored.txt
  hold_words: hold.txt
  reject_words: reject.txt
rules:
  - id: test.scored
    category: insult
    type: lexicon
    fields: [body]
    score: 5
    description: {ar: "كلمة تضيف نقاطاً.", en: "A word that adds to the score."}
    examples: {match: ["جزر"], no_match: ["تفاح"]}
    lexicons: [scored_words]
  - id: test.hold
    category: person_offense
    type: lexicon
    fields: [body]
    action: hold
    description: {ar: "كلمة تُحجز.", en: "A word that holds."}
    examples: {match: ["بطيخ"], no_match: ["تفاح"]}
    lexicons: [hold_words]
  - id: test.reject
    category: insult
    type: lexicon
    fields: [body]
    action: reject
    description: {ar: "كلمة تُرفض.", en: "A word that rejects."}
    examples: {match: ["باذنجان"], no_match: ["فول"]}
    lexicons: [reject_words]
"""


@pytest.fixture
def scored_policy(app, tmp_path):
    (tmp_path / "scored.txt").write_text("جزر\n", encoding="utf-8")
    (tmp_path / "hold.txt").write_text("بطيخ\n", encoding="utf-8")
    (tmp_path / "reject.txt").write_text("باذنجان\n", encoding="utf-8")
    path = tmp_path / "policy.yaml"
    path.write_text(SCORED_POLICY, encoding="utf-8")
    saved = app.config["POLICY_FILE"]
    app.config["POLICY_FILE"] = str(path)
    yield
    app.config["POLICY_FILE"] = saved


@pytest.fixture
def dial(app):
    def set_(**values):
        with app.app_context():
            settings.update(None, values)
            db.session.commit()

    return set_


def body(word=""):
    return f"تعليق رقم {uuid.uuid4().hex[:8]} {word}".strip()


def marks(stored, comment_id):
    return [m["mark"] for m in (stored(comment_id)["decision"] or {}).get("trust", [])]


def test_everything_is_off_by_default(app):
    with app.app_context():
        values = settings.all_values()
    assert values == {"site_premoderation": False, "trust_hold_first_comment": False,
                      "trust_auto_approve_after": 0, "reports_threshold": 0, "reports_hide": False,
                      "auto_close_days": 0, "webhook_url": "", "webhook_secret": False}


def test_first_comment_of_an_email_is_held_until_one_is_approved(post, dial, stored, held):
    dial(trust_hold_first_comment=True)
    email = f"new-{uuid.uuid4().hex[:6]}@example.org"
    first = post(KEY, email=email, body=body())
    assert first.status_code == 202
    cid = first.get_json()["comment"]["id"]
    assert stored(cid)["status"] == Status.PENDING and marks(stored, cid) == ["first_comment"]
    assert post(KEY, email=email, body=body()).status_code == 202  # still none approved


def test_a_previously_approved_author_is_published_at_once(app, post, dial, stored, auth_headers, client):
    dial(trust_hold_first_comment=True)
    email = f"known-{uuid.uuid4().hex[:6]}@example.org"
    cid = post(KEY, email=email, body=body()).get_json()["comment"]["id"]
    headers = auth_headers(Role.MODERATOR)
    assert client.post(f"/api/v1/moderation/comments/{cid}/decision", json={"action": "approve"},
                       headers=headers).status_code == 200
    assert post(KEY, email=email.upper(), body=body()).status_code == 201  # the same address, any case


def test_trusted_authors_skip_the_queue_only_for_scored_holds(app, post, dial, stored, scored_policy):
    email = f"trusted-{uuid.uuid4().hex[:6]}@example.org"
    for _ in range(2):
        assert post(KEY, email=email, body=body()).status_code == 201
    scored = post(KEY, email=email, body=body("جزر"))
    assert scored.status_code == 202  # the dial is off
    dial(trust_auto_approve_after=3)
    assert post(KEY, email=email, body=body("جزر")).status_code == 202  # only 2 approved so far
    dial(trust_auto_approve_after=2)
    response = post(KEY, email=email, body=body("جزر"))
    assert response.status_code == 201
    assert marks(stored, response.get_json()["comment"]["id"]) == ["trusted_author"]
    # A hold rule and a reject rule still apply to the same trusted author.
    assert post(KEY, email=email, body=body("بطيخ")).status_code == 202
    rejected = post(KEY, email=email, body=body("باذنجان"))
    assert rejected.status_code == 422 and rejected.get_json()["code"] == "policy_violation"


def test_an_author_with_a_rejected_comment_is_not_trusted(app, post, dial, stored, scored_policy, auth_headers,
                                                           client):
    email = f"mixed-{uuid.uuid4().hex[:6]}@example.org"
    for _ in range(3):
        post(KEY, email=email, body=body())
    assert post(KEY, email=email, body=body("باذنجان")).status_code == 422
    dial(trust_auto_approve_after=1)
    assert post(KEY, email=email, body=body("جزر")).status_code == 202


def test_pre_moderation_beats_trust(app, post, dial, scored_policy):
    email = f"pre-{uuid.uuid4().hex[:6]}@example.org"
    post(KEY, email=email, body=body())
    dial(trust_auto_approve_after=1, site_premoderation=True)
    assert post(KEY, email=email, body=body("جزر")).status_code == 202
    assert post(KEY, email=email, body=body()).status_code == 202


def ban(app, **kw):
    with app.app_context():
        return trust.create_ban(None, **kw).id


def test_a_banned_email_is_rejected_and_marked(app, post, stored, problem, clock):
    email = f"banned-{uuid.uuid4().hex[:6]}@example.org"
    ban(app, kind="email", email=email.upper(), reason="abuse", expires_at=clock.now().replace(year=2027))
    response = post(KEY, email=email, body=body())
    data = problem(response, 403)
    assert data["type"].endswith("author-banned")
    with app.app_context():
        comment = db.session.query(Comment).filter_by(email=email).one()
        assert comment.status == Status.REJECTED
        assert comment.decision["trust"][0]["mark"] == "banned"
        assert comment.decision["outcome"] == "approve"  # the rules had nothing against it


def test_a_ban_by_ip_of_a_comment_expires(app, post, clock, client):
    first = post(KEY, body=body(), headers=None).get_json()["comment"]["id"]
    ban(app, kind="ip", comment_id=first, expires_at=clock.now().replace(hour=10))
    assert post(KEY, body=body()).status_code == 403  # any email from the same address
    other = client.post(f"/api/v1/threads/{KEY}/comments", json={
        "name": "قارئ", "email": "x@example.org", "body": body()}, environ_base={"REMOTE_ADDR": "10.9.8.7"})
    assert other.status_code == 201
    clock.advance(hours=2)
    assert post(KEY, body=body()).status_code == 201


def test_a_lifted_ban_no_longer_applies(app, post):
    email = f"lifted-{uuid.uuid4().hex[:6]}@example.org"
    ban_id = ban(app, kind="email", email=email)
    assert post(KEY, email=email, body=body()).status_code == 403
    with app.app_context():
        trust.lift_ban(None, ban_id)
    assert post(KEY, email=email, body=body()).status_code == 201


def test_bans_through_the_editors_api(app, client, auth_headers, held, problem, audit_rows):
    cid = held(KEY)
    editor = auth_headers(Role.EDITOR)
    response = client.post("/api/v1/moderation/bans", json={"kind": "email", "comment_id": cid, "days": 7,
                                                            "reason": "سب متكرر"}, headers=editor)
    assert response.status_code == 201, response.get_data(as_text=True)
    made = response.get_json()["ban"]
    assert made["kind"] == "email" and made["expires_at"] and "@" in made["label"]
    listed = client.get("/api/v1/moderation/bans", headers=editor).get_json()["items"]
    assert [b["id"] for b in listed] == [made["id"]]
    assert client.delete(f"/api/v1/moderation/bans/{made['id']}", headers=editor).status_code == 200
    assert client.get("/api/v1/moderation/bans", headers=editor).get_json()["items"] == []
    assert {r["action"] for r in audit_rows()} >= {"ban_create", "ban_lift"}
    problem(client.post("/api/v1/moderation/bans", json={"kind": "ip"}, headers=editor), 422)
    problem(client.post("/api/v1/moderation/bans", json={"kind": "email", "comment_id": 2**31 - 2},
                        headers=editor), 404)
    problem(client.post("/api/v1/moderation/bans", json={"kind": "nope", "email": "a@b.org"}, headers=editor), 422)
    problem(client.post("/api/v1/moderation/bans", json={"kind": "email"}, headers=bearer("x")), 401)
