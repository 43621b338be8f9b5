"""The honeypot field stores bots' comments as spam behind a normal answer; duplicates are 409."""
import pytest

KEY = "news/traps"
LIST = f"/api/v1/threads/{KEY}/comments"


def test_honeypot_stores_spam_and_answers_like_a_held_comment(post, client, stored, rows):
    before = rows()
    trapped = post(KEY, homepage="https://bot.example/")
    held = post(KEY, body="أحب البطيخ")  # what a comment held by a rule answers
    assert trapped.status_code == held.status_code == 202
    assert trapped.mimetype == held.mimetype == "application/json"
    trapped_body, held_body = trapped.get_json(), held.get_json()
    assert set(trapped_body) == set(held_body) == {"comment", "edit_token"}
    assert set(trapped_body["comment"]) == set(held_body["comment"])
    assert trapped_body["comment"]["status"] == "pending"  # the spam verdict is not revealed
    assert "spam" not in trapped.get_data(as_text=True)
    assert "homepage" not in trapped.get_data(as_text=True)

    row = stored(trapped_body["comment"]["id"])
    assert row["status"] == "spam"
    assert row["decision"]["hits"][0]["rule"] == "honeypot"
    assert rows()["comment"] == before["comment"] + 2
    listing = client.get(LIST).get_json()
    assert listing["comments"] == [] and listing["thread"]["comment_count"] == 0


def test_honeypot_author_view_stays_pending(post, client):
    body = post(KEY, homepage="x").get_json()
    own = client.get(f"/api/v1/comments/{body['comment']['id']}", headers={"X-Edit-Token": body["edit_token"]})
    assert own.get_json()["comment"]["status"] == "pending"


def test_honeypot_in_a_form(post, stored):
    response = post(KEY, form=True, homepage="http://bot.example")
    assert response.status_code == 202
    assert stored(response.get_json()["comment"]["id"])["status"] == "spam"


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_honeypot_is_a_normal_comment(post, stored, value):
    response = post(KEY, homepage=value)
    assert response.status_code == 201
    assert stored(response.get_json()["comment"]["id"])["status"] == "approved"


def test_duplicate_is_409_in_arabic(post, problem, rows):
    first = post(KEY, email="dup@example.org", body="هذا رأيي في المقال")
    assert first.status_code == 201
    before = rows()
    body = problem(post(KEY, email="dup@example.org", body="هذا رأيي في المقال"), 409)
    assert body["title"] == "تعليق مكرر"
    assert body["detail"] == "تم اكتشاف تعليق مكرر؛ يبدو أنك قلت هذا من قبل."
    assert rows() == before


def test_duplicate_in_english(post, problem):
    post(KEY, email="dup@example.org", body="نفس النص")
    body = problem(post(KEY, email="dup@example.org", body="نفس النص", headers={"Accept-Language": "en"}),
                   409, arabic=False)
    assert body["title"] == "Duplicate comment"


@pytest.mark.parametrize("again", [
    "  هذا   رأيي\nفي\t\tالمقال  ",
    "هذا رأيي\r\n\r\nفي المقال",
    "هذا\u00a0رأيي في المقال",
])
def test_duplicate_folds_whitespace(post, problem, again):
    assert post(KEY, email="dup@example.org", body="هذا رأيي في المقال").status_code == 201
    problem(post(KEY, email="dup@example.org", body=again), 409)


def test_duplicate_ignores_the_case_of_the_email(post, problem):
    assert post(KEY, email="Dup@Example.org", body="تعليق واحد").status_code == 201
    problem(post(KEY, email="dup@example.ORG", body="تعليق واحد"), 409)


def test_duplicate_of_a_held_comment(post, problem):
    assert post(KEY, email="dup@example.org", body="البطيخ لذيذ").status_code == 202
    problem(post(KEY, email="dup@example.org", body="البطيخ لذيذ"), 409)


def test_not_duplicates(post):
    assert post(KEY, email="a@example.org", body="تعليق").status_code == 201
    assert post(KEY, email="b@example.org", body="تعليق").status_code == 201  # another author
    assert post("news/other", email="a@example.org", body="تعليق").status_code == 201  # another article
    assert post(KEY, email="a@example.org", body="تعليق آخر").status_code == 201  # other words
