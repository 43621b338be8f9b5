"""Every field rule of POST /api/v1/threads/<key>/comments, with its message in Arabic and English."""
import json

import pytest

KEY = "news/fields"
PATH = f"/api/v1/threads/{KEY}/comments"
EN = {"Accept-Language": "en"}

# (field, value, English message expected for it)
REQUIRED = "This field is required."
TOO_LONG = "Must be at most"
CONTROL = "Contains control characters."
INVALID_CHARS = "Contains invalid characters."
BIDI = "Must not contain text-direction control characters."
EMAIL = "Enter a valid email address."
URL = "Enter a web address starting with http:// or https://."
WHOLE = "Must be a whole number."
TEXT = "Must be text."


def is_arabic(text):
    return any("\u0600" <= ch <= "\u06ff" for ch in str(text))

INVALID = [
    # name: 1–245 characters after trimming, text only, no controls, no bidi overrides
    ("name", "", REQUIRED),
    ("name", "   \u3000 ", REQUIRED),
    ("name", "ن" * 246, TOO_LONG),
    ("name", " " + "ن" * 246 + " ", TOO_LONG),
    ("name", 42, TEXT),
    ("name", ["قارئ"], TEXT),
    ("name", "قارئ\nثان", CONTROL),
    ("name", "قارئ\tثان", CONTROL),
    ("name", "قارئ\x00", CONTROL),
    ("name", "قارئ\x1b[31m", CONTROL),
    ("name", "قارئ\x7f", CONTROL),
    ("name", "قارئ\x85", CONTROL),
    ("name", "قارئ\ud800", INVALID_CHARS),
    ("name", "\u202eقارئ", BIDI),
    ("name", "قارئ\u2066x\u2069", BIDI),
    ("name", "قارئ\u200f", BIDI),
    ("name", "قارئ\u061c", BIDI),
    # email: a valid address of at most 254 characters
    ("email", "", REQUIRED),
    ("email", "not-an-email", EMAIL),
    ("email", "a@", EMAIL),
    ("email", "@example.org", EMAIL),
    ("email", "two@@example.org", EMAIL),
    ("email", "a b@example.org", EMAIL),
    ("email", "a" * 64 + "@" + ".".join(["b" * 60] * 3) + "." + "c" * 3 + ".org", TOO_LONG),  # 255
    ("email", "reader@example.org\n", CONTROL),
    ("email", "reader\x00@example.org", CONTROL),
    ("email", 7, TEXT),
    # website: optional, http(s) only, at most 200 characters
    ("website", "javascript:alert(1)", URL),
    ("website", "JaVaScRiPt:alert(1)", URL),
    ("website", "data:text/html,<script>alert(1)</script>", URL),
    ("website", "vbscript:msgbox(1)", URL),
    ("website", "ftp://example.org/", URL),
    ("website", "mailto:reader@example.org", URL),
    ("website", "//example.org/", URL),
    ("website", "example.org", URL),
    ("website", "https://", URL),
    ("website", "https://example.org/" + "a" * 181, TOO_LONG),  # 201 characters
    ("website", "https://example.org/\nx", CONTROL),
    ("website", "java\tscript:alert(1)", CONTROL),
    # body: 1–5000 characters after trimming; newlines allowed, other controls not
    ("body", "", REQUIRED),
    ("body", " \n\t\r\n ", REQUIRED),
    ("body", "ت" * 5001, TOO_LONG),
    ("body", "نص\x00مخفي", CONTROL),
    ("body", "نص\x08", CONTROL),
    ("body", "نص\x1f", CONTROL),
    ("body", "نص\ud83d", INVALID_CHARS),
    ("body", "نص\udc00نص", INVALID_CHARS),
    ("body", {"text": "نص"}, TEXT),
    ("body", None, "Field may not be null."),
    # parent_id: ASCII digits only
    ("parent_id", 1.5, WHOLE),
    ("parent_id", 1.0, WHOLE),
    ("parent_id", True, WHOLE),
    ("parent_id", False, WHOLE),
    ("parent_id", "١٢", WHOLE),
    ("parent_id", "۱۲", WHOLE),
    ("parent_id", "12a", WHOLE),
    ("parent_id", " 12", WHOLE),
    ("parent_id", "1e3", WHOLE),
    ("parent_id", "+12", WHOLE),
    ("parent_id", "-1", WHOLE),
    ("parent_id", "１２", WHOLE),  # full-width digits
    ("parent_id", [12], WHOLE),
    ("parent_id", {"id": 12}, WHOLE),
    ("parent_id", 0, "Must be between"),
    ("parent_id", -5, "Must be between"),
    ("parent_id", 2**63, "Must be between"),
    ("parent_id", 2**31, "Must be between"),  # ids are 32-bit on PostgreSQL
    # remember: a boolean
    ("remember", "maybe", "Must be true or false."),
    ("remember", 2, "Must be true or false."),
]


def _id(case):
    field, value, _msg = case
    return f"{field}={json.dumps(value, ensure_ascii=True)[:30]}"


@pytest.mark.parametrize("case", INVALID, ids=[_id(c) for c in INVALID])
def test_invalid_field_is_422_in_arabic_and_english(client, problem, rows, valid_comment, case):
    field, value, english = case
    # Escaped JSON (\\ud800 stays an escape), as a browser's JSON.stringify would send a lone surrogate.
    data = json.dumps(dict(valid_comment(), **{field: value}))
    before = rows()

    body = problem(client.post(PATH, data=data, content_type="application/json"), 422)
    assert set(body["errors"]) == {field}, body
    assert all(is_arabic(m) for m in body["errors"][field]), body
    assert body["title"] == "بيانات غير صالحة"

    body = problem(client.post(PATH, data=data, content_type="application/json", headers=EN), 422,
                   arabic=False)
    assert set(body["errors"]) == {field}, body
    assert any(m.startswith(english) for m in body["errors"][field]), body
    assert not any(is_arabic(m) for m in body["errors"][field]), body
    assert body["title"] == "Invalid input"

    assert rows() == before


@pytest.mark.parametrize("missing", ["name", "email", "body"])
def test_required_fields(client, problem, valid_comment, missing):
    data = valid_comment(**{missing: None})
    body = problem(client.post(PATH, json=data), 422)
    assert body["errors"] == {missing: ["هذا الحقل إلزامي."]}
    body = problem(client.post(PATH, json=data, headers=EN), 422, arabic=False)
    assert body["errors"] == {missing: [REQUIRED]}


def test_every_message_of_a_bad_submission_is_arabic_by_default(client, problem):
    data = {"name": "", "email": "x", "website": "ftp://x", "body": "\x00", "parent_id": "١", "remember": "?",
            "colour": "أحمر"}
    errors = problem(client.post(PATH, json=data), 422)["errors"]
    assert set(errors) == {"name", "email", "website", "body", "parent_id", "remember", "colour"}
    for messages in errors.values():
        assert messages and all(is_arabic(m) for m in messages), errors


@pytest.mark.parametrize("language, arabic", [
    ("en", False), ("en-GB,en;q=0.9", False), ("fr-FR,en;q=0.5", False),
    ("ar", True), ("ar-JO,ar;q=0.9,en;q=0.1", True), ("fr", True), ("", True), ("*", True),
])
def test_language_follows_accept_language(client, problem, language, arabic):
    headers = {"Accept-Language": language} if language else {}
    body = problem(client.post(PATH, json={"body": "مرحبا"}, headers=headers), 422, arabic=arabic)
    assert is_arabic(body["errors"]["name"][0]) is arabic
    assert is_arabic(body["title"]) is arabic


@pytest.mark.parametrize("field", ["Name", "e-mail", "ip", "status", "id", "decision", "email_hash", ""])
def test_unknown_fields_are_rejected(client, problem, rows, valid_comment, field):
    before = rows()
    body = problem(client.post(PATH, json=valid_comment(**{field: "x"})), 422)
    assert set(body["errors"]) == {field}
    assert is_arabic(body["errors"][field][0])
    body = problem(client.post(PATH, json=valid_comment(**{field: "x"}), headers=EN), 422, arabic=False)
    assert body["errors"][field] == ["Unknown field."]
    assert rows() == before


def test_name_limits_after_trimming(post, client):
    longest = "ن" * 245
    response = post(KEY, name=f"  {longest}\u00a0 ")
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["comment"]["name"] == longest
    assert post(KEY, name="ن").status_code == 201


def test_email_at_most_254(post):
    email = "a" * 64 + "@" + ".".join(["b" * 60] * 3) + "." + "c" * 2 + ".org"
    assert len(email) == 254
    assert post(KEY, email=email).status_code == 201


@pytest.mark.parametrize("website", ["http://example.org", "https://example.org/path?q=1#x",
                                     "HTTPS://EXAMPLE.ORG/", "https://localhost:8080/a",
                                     "https://example.org/" + "a" * 180])
def test_accepted_websites(post, website):
    response = post(KEY, website=website)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["comment"]["website"] == website


@pytest.mark.parametrize("website", ["", "   "])
def test_blank_website_means_none(post, website):
    response = post(KEY, website=website)
    assert response.status_code == 201
    assert response.get_json()["comment"]["website"] is None


def test_body_limits_after_trimming(post):
    response = post(KEY, body="\n  " + "ت" * 5000 + "  \n")
    assert response.status_code == 201, response.get_json()
    assert post(KEY, body="ت").status_code == 201


def test_body_limit_is_configurable(app_with, problem, valid_comment):
    client = app_with(BODY_MAX_CHARS=100).test_client()
    assert client.post(PATH, json=valid_comment(body="ب" * 100)).status_code == 201
    body = problem(client.post(PATH, json=valid_comment(body="ب" * 101)), 422)
    assert body["errors"]["body"] == ["يجب ألا يزيد عن 100 حرفاً."]
    body = problem(client.post(PATH, json=valid_comment(body="ب" * 101), headers=EN), 422, arabic=False)
    assert body["errors"]["body"] == ["Must be at most 100 characters."]


def test_newlines_allowed_in_body_only(post, stored):
    text = "السطر الأول\nالسطر الثاني\r\n\r\nفقرة\tثانية"
    response = post(KEY, body=text)
    assert response.status_code == 201, response.get_json()
    row = stored(response.get_json()["comment"]["id"])
    assert row["body"] == text  # kept as submitted
    assert "<br>" in row["body_html"] and row["body_html"].count("<p>") == 2


def test_bidi_marks_allowed_in_body(post):
    response = post(KEY, body="نص \u200fمع\u200e علامات اتجاه \u202bمضمّنة\u202c")
    assert response.status_code == 201, response.get_json()


@pytest.mark.parametrize("value", [1, "1"])
def test_parent_id_ascii_digits_accepted(post, value):
    parent = post(KEY).get_json()["comment"]["id"]
    response = post(KEY, parent_id=parent if value == 1 else str(parent))
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["comment"]["parent_id"] == parent


@pytest.mark.parametrize("value", [None, ""])
def test_parent_id_null_or_blank_means_top_level(client, valid_comment, value):
    data = dict(valid_comment(), parent_id=value)
    response = client.post(PATH, json=data)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["comment"]["parent_id"] is None


@pytest.mark.parametrize("value", [True, False, "on", "1", "0", "true", "false", ""])
def test_remember_accepts_booleans_and_checkbox_values(post, value):
    assert post(KEY, remember=value).status_code == 201
