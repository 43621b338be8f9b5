"""The links rule type: at least N links (http(s), www., bare domains)."""

import pytest

from tests.rules.conftest import build, rule, terms, texts


def links_policy(min_links: int, fields=("body",)):
    return build(rule("links", "links", min_links=min_links, fields=list(fields)))


@pytest.mark.parametrize(
    ("body", "links"),
    [
        ("زوروا https://example.com/a?b=1 الآن", ["https://example.com/a?b=1"]),
        ("زوروا http://x.org", ["http://x.org"]),
        ("موقعنا www.shop.net", ["www.shop.net"]),
        ("موقعنا Shop24.COM/offer", ["shop24.com/offer"]),  # bare domain, any case, with a path
        ("موقعنا ｓｈｏｐ．ｃｏｍ", ["shop.com"]),  # full-width forms
        ("حمل من bit.ly/abc وwww.a.com", ["bit.ly/abc", "www.a.com"]),
    ],
)
def test_links_are_found(body, links):
    assert terms(links_policy(1), body) == links


def test_hit_text_is_what_was_typed():
    assert texts(links_policy(1), "موقعنا ｓｈｏｐ．ｃｏｍ") == ["ｓｈｏｐ．ｃｏｍ"]


@pytest.mark.parametrize(
    "body",
    [
        "قال الرئيس. ثم غادر",  # a full stop is not a domain
        "النسبة 3.5 بالمئة",
        "e.g. this",
        "راسلني user@mail.com",  # an email is contact, not a link
    ],
)
def test_not_links(body):
    assert texts(links_policy(1), body) == []


def test_minimum_number_of_links():
    policy = links_policy(2)
    assert texts(policy, "http://a.com") == []
    assert texts(policy, "http://a.com و http://b.com") == ["http://a.com", "http://b.com"]


def test_website_field():
    policy = links_policy(1, fields=("website",))
    assert texts(policy, "تعليق", website="https://blog.example.org") == ["https://blog.example.org"]
    assert texts(policy, "https://x.com", website="") == []
