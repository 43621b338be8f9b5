"""`titles`: a word with the article right after a noun that names a work is the work's title."""

import pytest

from tests.rules.conftest import build, rule, texts

INSULTS = "كلب\nكلاب\nحمار\nلص\nفاشل"
TITLES = "رواية\nفيلم\nمسلسل"


@pytest.fixture(scope="module")
def policy():
    plain = rule("plain", "lexicon", lexicons=["insults"], titles=["titles"])
    return build(plain, lexicons={"insults": INSULTS, "titles": TITLES})


@pytest.mark.parametrize(
    "body",
    [
        "قرأت رواية اللص والكلاب في الثانوية",  # the title and the second of its pair
        "فيلم الكلب الأندلسي تحفة سريالية",
        "رواية الحمار الذهبي من أقدم الروايات",
        "مسلسل الحمار والكلب",  # «the dog» joined by و
    ],
)
def test_a_title_is_not_a_hit(policy, body):
    assert texts(policy, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("فيلم فاشل يا حمار", ["فاشل", "حمار"]),  # without the article the word describes the work
        ("شفت فيلم امبارح مع الكلاب", ["الكلاب"]),  # with the article, but not right after the noun
        ("رواية جميلة والكلاب نايمين", ["والكلاب"]),  # و, but the word before it is no title
        ("رواية الحمار الذهبي يا حمار", ["حمار"]),  # the title passes, the vocative does not
    ],
)
def test_a_word_outside_a_title_still_hits(policy, body, found):
    assert texts(policy, body) == found


def test_a_rule_without_titles_reads_none():
    plain = build(rule("plain", "lexicon", lexicons=["insults"]), lexicons={"insults": INSULTS})
    assert texts(plain, "رواية اللص والكلاب") == ["اللص", "والكلاب"]
