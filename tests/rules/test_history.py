"""`history_markers`: a label told of a people's past before Islam is history, not name-calling."""

import pytest

from tests.rules.conftest import build, rule, texts

SLURS = "مجوس\nعباد اصنام\nعباد خشب"
HISTORY = "قبل الاسلام\nفي الجاهليه\nقبل الفتح"


@pytest.fixture(scope="module")
def policy():
    return build(
        rule("slur", "lexicon", lexicons=["slurs"], history_markers=["history"]),
        lexicons={"slurs": SLURS, "history": HISTORY},
    )


@pytest.mark.parametrize(
    "body",
    [
        "كان الفرس مجوسا قبل الإسلام",  # «was» two words back, the marker right after
        "العرب كانوا عباد أصنام في الجاهلية",
        "قبل الإسلام كان الفرس مجوس",  # the marker before the label
        "كانت قبائل عباد خشب قبل الفتح ثم أسلمت",
        "كان الفرس مجوسا قبل الإسلام. وما زالوا أهل حضارة",  # «still» in the next sentence
    ],
)
def test_a_label_told_of_the_past_before_islam_passes(policy, body):
    assert texts(policy, body) == []


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("الفرس مجوس قبل الإسلام", "مجوس"),  # no «was»: said of them now
        ("كانوا مجوس وما زالوا مجوس", "مجوس"),  # «was» but no time before Islam
        ("كانوا يا مجوس قبل الإسلام", "مجوس"),  # said to someone
        ("كان الفرس مجوسا قبل الإسلام وما زالوا", "مجوسا"),  # carried on to now
        ("كان الفرس مجوسا قبل الإسلام وبعده", "مجوسا"),
        ("كان الفرس مجوسا. قبل الإسلام وبعده", "مجوسا"),  # the marker is in the next sentence
        ("الفرس كانوا وما زالوا وسيبقون مجوس قبل الإسلام", "مجوس"),  # «was» too far back
        ("كان الفرس مجوسا والحين هم مجوس قبل الإسلام", "مجوس"),  # the second is not told of the past
    ],
)
def test_a_label_without_both_signs_of_history_still_hits(policy, body, typed):
    assert typed in texts(policy, body)


def test_a_rule_without_history_markers_is_unchanged():
    plain = build(rule("slur", "lexicon", lexicons=["slurs"]), lexicons={"slurs": SLURS})
    assert texts(plain, "كان الفرس مجوسا قبل الإسلام") == ["مجوسا"]
