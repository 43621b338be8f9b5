"""`except_written`: a word that cancels a hit only when written exactly so, doubled letter and all.

The normalizer collapses repeated letters so that stretched words are still caught (اقتلللوا is
اقتلوا). A real word whose doubled letter is part of it collapses the same way: اقتتلوا (they
fought each other) reads as اقتلوا (kill!). An ordinary `except` entry is normalized too, so it
would cancel the call itself; a written exception compares the word as the comment wrote it.
"""

import pytest

from app.rules import PolicyError
from tests.rules.conftest import build, rule, texts

# هنيكك (Egyptian profanity, doubled ك) is listed; هنيك (Levantine "there") collapses onto it
CALLS = "اقتلوا\nاقتلوهم\nاذبحوا\nهنيكك"
WRITTEN = "# they fought each other\nاقتتلوا\n# there\nهنيك"
SECTS = "الشيعة\nالسنة"


@pytest.fixture(scope="module")
def policy():
    written = {"except_written": ["written"]}
    return build(
        rule("call", "lexicon", lexicons=["calls"], **written),
        rule("call_on_sect", "targeted", category="author_offense", lexicons=["calls"],
             targets=["sects"], window=3, **written),
        lexicons={"calls": CALLS, "written": WRITTEN, "sects": SECTS},
    )


@pytest.mark.parametrize(
    "body",
    [
        "وإن طائفتان من المؤمنين اقتتلوا فأصلحوا بينهما",  # the verse
        "الفصائل المسلحة اقتتلوا على المعبر أمس",
        "الفصائل اقتتلوا",  # alone, with nothing around it
        "ثم اقتتلوا فيما بينهم",
        "فاقتتلوا حتى الفجر",  # a leading ف on the written word
        "اقتتلوااااا يا جماعة",  # a run of three or more letters is a stretch: still the word
        "اقْتَتَلُوا عند الحاجز",  # diacritics are removed before comparing
        "الشيعة والسنة اقتتلوا في تلك الحرب",  # the targeted rule: gone before targets are sought
        "كنت هنيك لما صار القصف",  # the listed term has the doubled letter, the exception not
        "وهنيك كمان",
        "الطريق لهنيك طويل",  # any proclitic, not only و and ف
        "هنيييييك بالضبط",  # a stretch that no listed spelling has: still "there"
    ],
)
def test_the_written_word_cancels_the_hit(policy, body):
    assert texts(policy, body) == []


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("اقتلوا الخونة", ["اقتلوا"]),  # the call as it is
        ("اقتلللوا الخونة", ["اقتلللوا"]),  # stretched on another letter
        ("اقتتتلوا الخونة", ["اقتتتلوا"]),  # ت stretched to three: a stretch, so the call
        ("اقتتتتلوا الخونة", ["اقتتتتلوا"]),
        ("اقتتلوهم جميعا", ["اقتتلوهم"]),  # an object pronoun: a call, and not the listed word
        ("اقتلوا الشيعة", ["اقتلوا", "اقتلوا"]),  # both rules
        ("اقتتلوا ثم قال اقتلوهم", ["اقتلوهم"]),  # one word written as listed, the other a call
        ("هنيكك", ["هنيكك"]),  # the listed spelling, doubled ك
        ("هنيكككككك", ["هنيكككككك"]),  # its ك stretched: read as two, it is the listed spelling
        ("هنيييكككك", ["هنيييكككك"]),  # both letters stretched
    ],
)
def test_any_other_writing_still_hits(policy, body, typed):
    assert texts(policy, body) == typed


def test_an_ordinary_exception_would_cancel_the_call_itself():
    """Why the option exists: under `except`, the entry is normalized to the call."""
    ordinary = build(
        rule("call", "lexicon", lexicons=["calls"], **{"except": ["written"]}),
        lexicons={"calls": CALLS, "written": WRITTEN},
    )
    assert texts(ordinary, "اقتلوا الخونة") == []


def test_unknown_written_list_is_refused():
    with pytest.raises(PolicyError) as error:
        build(rule("call", "lexicon", lexicons=["calls"], except_written=["missing"]), lexicons={"calls": CALLS})
    assert error.value.rule == "call"
    assert error.value.field == "except_written"
    assert "missing" in error.value.message
