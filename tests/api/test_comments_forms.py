"""application/x-www-form-urlencoded posts: the same rules as JSON, so a form without JavaScript works."""
from urllib.parse import urlencode

import pytest

KEY = "news/forms"
PATH = f"/api/v1/threads/{KEY}/comments"
FORM = "application/x-www-form-urlencoded"


def send_form(client, fields, **kw):
    return client.post(PATH, data=urlencode(fields).encode(), content_type=FORM, **kw)


def test_form_post_is_accepted(client, valid_comment, stored):
    data = valid_comment(name="قارئة", body="تعليق من نموذج بلا جافاسكربت\nسطر ثان", website="https://a.example/")
    response = send_form(client, data)
    assert response.status_code == 201, response.get_json()
    view = response.get_json()["comment"]
    assert view["name"] == "قارئة" and view["website"] == "https://a.example/"
    row = stored(view["id"])
    assert row["body"] == data["body"] and row["email"] == data["email"]


def test_form_with_charset_parameter(client, valid_comment):
    response = client.post(PATH, data=urlencode(valid_comment()).encode(),
                           content_type=FORM + "; charset=UTF-8")
    assert response.status_code == 201


def test_plus_and_percent_encoding(client, valid_comment):
    raw = urlencode(valid_comment(body="واحد + واحد = اثنان 100%")).encode()
    response = client.post(PATH, data=raw, content_type=FORM)
    assert response.status_code == 201
    assert "واحد + واحد = اثنان 100%" in response.get_json()["comment"]["body_html"]


@pytest.mark.parametrize("parent", ["1.5", "true", "١٢", "12a", "-1", " 12", "0x1", "1e2", "１"])
def test_form_parent_id_ascii_digits_only(client, valid_comment, problem, rows, parent):
    before = rows()
    body = problem(send_form(client, valid_comment(parent_id=parent)), 422)
    assert set(body["errors"]) == {"parent_id"}
    body = problem(send_form(client, valid_comment(parent_id=parent), headers={"Accept-Language": "en"}),
                   422, arabic=False)
    assert body["errors"]["parent_id"] == ["Must be a whole number."]
    assert rows() == before


def test_form_reply_and_blank_parent(client, valid_comment):
    parent = send_form(client, valid_comment()).get_json()["comment"]["id"]
    reply = send_form(client, valid_comment(parent_id=str(parent))).get_json()["comment"]
    assert reply["parent_id"] == parent and reply["depth"] == 1
    top = send_form(client, valid_comment(parent_id="")).get_json()["comment"]
    assert top["parent_id"] is None


@pytest.mark.parametrize("remember", ["on", "1", "true", "", "0", "false", "off"])
def test_form_checkbox(client, valid_comment, remember):
    assert send_form(client, valid_comment(remember=remember)).status_code == 201


def test_form_unknown_field(client, valid_comment, problem):
    body = problem(send_form(client, valid_comment(submit="أرسل")), 422)
    assert set(body["errors"]) == {"submit"}


def test_form_missing_fields_in_arabic(client, problem):
    body = problem(send_form(client, {"body": "مرحبا"}), 422)
    assert body["errors"] == {"name": ["هذا الحقل إلزامي."], "email": ["هذا الحقل إلزامي."]}


def test_form_control_characters(client, valid_comment, problem):
    body = problem(send_form(client, valid_comment(name="قارئ\x00", body="نص\x07")), 422)
    assert set(body["errors"]) == {"name", "body"}


@pytest.mark.parametrize("raw", [b"name=%FF%FE&email=a%40b.example&body=x", b"name=\xff&email=a@b.example&body=x"])
def test_form_invalid_utf8_is_400(client, problem, rows, raw):
    before = rows()
    body = problem(client.post(PATH, data=raw, content_type=FORM), 400)
    assert body["title"] == "تعذّرت قراءة محتوى الطلب"
    assert rows() == before


def test_form_policy_outcomes(client, valid_comment, problem):
    assert send_form(client, valid_comment(body="البطيخ")).status_code == 202
    body = problem(send_form(client, valid_comment(body="باذنجان")), 422)
    assert body["code"] == "policy_violation"
