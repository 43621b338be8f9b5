"""The contact rule type: phone numbers, messaging handles and apps, emails."""

import pytest

from tests.rules.conftest import build, hits, rule, texts


def contact_policy(*kinds):
    options = {"kinds": list(kinds)} if kinds else {}
    return build(rule("contact", "contact", **options))


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("اتصل 0551234567", "0551234567"),
        ("اتصل +966 55 123 4567", "+966 55 123 4567"),
        ("اتصل ٠٥٥١٢٣٤٥٦٧ الآن", "٠٥٥١٢٣٤٥٦٧"),  # Arabic-Indic digits
        ("اتصل ۰۵۵-۱۲۳-۴۵۶۷", "۰۵۵-۱۲۳-۴۵۶۷"),  # extended digits with dashes
        ("رقمي 0 5 5 1 2 3 4 5 6 7", "0 5 5 1 2 3 4 5 6 7"),  # spaced digits
        ("للحجز0551234567واتساب", "0551234567"),  # glued to Arabic words
    ],
)
def test_phone_numbers(body, typed):
    assert texts(contact_policy("phone"), body) == [typed]


@pytest.mark.parametrize(
    "body",
    ["عام 2024", "من 1990 إلى 2020", "السعر 150000 ريال", "بتاريخ 12/05/2024", "مو احسن اذا صارت 9878978989min ?"],
)
def test_not_phone_numbers(body):
    assert texts(contact_policy("phone"), body) == []


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("تابعوني @cheap_deals", "@cheap_deals"),
        ("راسلنا واتساب", "واتساب"),
        ("على الواتساب فقط", "الواتساب"),  # with the article
        ("Telegram channel", "Telegram"),
        ("قناة التلغرام", "التلغرام"),
        ("انضم t.me/deals", "t.me/deals"),
    ],
)
def test_handles(body, typed):
    assert texts(contact_policy("handle"), body) == [typed]


def test_emails():
    policy = contact_policy("email")
    assert texts(policy, "راسلني على Sales@Shop.com") == ["Sales@Shop.com"]
    assert texts(policy, "راسلني") == []


def test_an_email_is_not_a_handle():
    assert texts(contact_policy("handle"), "a.b@mail.com") == []


def test_all_kinds_by_default_and_kind_in_steps():
    found = hits(contact_policy(), "واتساب 0551234567 أو x@y.com")
    assert [hit.steps for hit in found] == [["contact: handle"], ["contact: phone"], ["contact: email"]]
