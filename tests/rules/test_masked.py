"""The masked rule type: letters hidden behind stars, hashes or dots, read as a wildcard against the lists."""

import pytest

from app.rules import PolicyError
from tests.rules.conftest import build, hits, rule, texts

INSULTS = "كلب\nحمار\nشرموطة\nزبالة\nخول\nابن الكلب\nكس امك"


@pytest.fixture(scope="module")
def policy():
    return build(rule("masked", "masked", lexicons=["insults"]), lexicons={"insults": INSULTS})


@pytest.mark.parametrize(
    ("body", "typed", "term"),
    [
        ("يا ك*ب", "ك*ب", "كلب"),  # one star, one letter
        ("انت ش**موطة", "ش**موطة", "شرموطه"),  # two stars may stand for one letter
        ("ياح*ار", "ياح*ار", "حمار"),  # behind a joined proclitic
        ("قناة ز#ا#ة", "ز#ا#ة", "زباله"),  # hashes, two runs
        ("الخ*ل", "الخ*ل", "خول"),  # behind the article
        ("يا كـ*ـب", "كـ*ـب", "كلب"),  # tatweel around the star
        ("يا ك**ب", "ك**ب", "كلب"),  # a run of two stands for one letter or two
        ("ابن الك*ب", "الك*ب", "كلب"),  # the word of a compound, read alone
        ("ك*** امك يا ولد", "ك*** امك", "كس امك"),  # one letter shown: read with the word after it
        ("يا ك..ب", "ك..ب", "كلب"),  # two dots between letters hide one letter or two
        ("قناة ز...لة", "ز...لة", "زباله"),  # three dots
        ("يا كـ..ـب", "كـ..ـب", "كلب"),  # tatweel around the dots
    ],
)
def test_a_masked_word_that_spells_a_listed_term_hits(policy, body, typed, term):
    (hit,) = hits(policy, body)
    assert (hit.text, hit.term) == (typed, term)
    assert hit.steps == [f"masked letters read as «{term}»"]


@pytest.mark.parametrize(
    "body",
    [
        "*عاجل* الخبر",  # stars around a word are emphasis, not a mask
        "تقييمي للفيلم ***",  # no letters at all
        "ح*ر شديد اليوم",  # spells no listed word
        "ك*** الحياة",  # one visible letter is too few to read alone, and no phrase is spelled
        "الحوار مهم",  # no mask at all
        "كل.. الناس تعرف",  # dots ending a word are an ellipsis, not hidden letters
        "..كلب",  # dots before the word open nothing
        "حر..شديد اليوم",  # an ellipsis between two words spells no listed word
    ],
)
def test_other_words_do_not_hit(policy, body):
    assert texts(policy, body) == []


def test_a_masked_rule_names_known_lists():
    with pytest.raises(PolicyError, match="unknown word list"):
        build(rule("masked", "masked", lexicons=["nope"]), lexicons={"insults": INSULTS})


def test_only_the_first_masked_words_are_read(policy):
    from app.rules.masked import MAX_WORDS

    flood = " ".join(["ح*ر"] * MAX_WORDS)
    assert texts(policy, flood + " يا ك*ب") == []  # past the cap: a flood of masks costs no more than a comment
    assert texts(policy, "يا ك*ب " + flood) == ["ك*ب"]
