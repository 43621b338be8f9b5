"""The targeted rule type: an offensive term within N words of a target."""

import pytest

from tests.rules.conftest import build, hits, rule, texts

OFFENSIVE = "حمار\nكلب\nغبي\nحقير"
WRITER = "الكاتب\nكاتب المقال\nالمحرر\nالصحفي\nانت\nيا"


@pytest.fixture(scope="module")
def policy():
    targeted = rule("writer", "targeted", lexicons=["offensive"], targets=["writer"], window=3)
    return build(targeted, lexicons={"offensive": OFFENSIVE, "writer": WRITER})


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("الكاتب حمار", "حمار"),
        ("كاتب المقال هذا غبي جدا", "غبي"),
        ("يا كاتب المقال يا ح.م.ا.ر", "ح.م.ا.ر"),
        ("ياحمار", "ياحمار"),  # joined vocative
        ("انت كلب", "كلب"),
        ("والمحرر أحقر... لا، المحرر حقير", "حقير"),
        ("حقير هو الصحفي", "حقير"),  # the target may come after
    ],
)
def test_offensive_term_near_a_target(policy, body, typed):
    assert texts(policy, body) == [typed]


@pytest.mark.parametrize(
    "body",
    [
        "الكاتب محترم",  # a target without an offensive term
        "رأيت حمارا في المزرعة",  # an offensive term without a target
        "الكاتب كتب عن الريف والمزارع والحقول حيث يعمل الحمار",  # too far apart
        "حمار",
    ],
)
def test_no_hit(policy, body):
    assert texts(policy, body) == []


def test_the_target_is_named_in_the_steps(policy):
    (hit,) = hits(policy, "المحرر غبي")
    assert hit.steps == ["near target «المحرر»"]
    (vocative,) = hits(policy, "ياغبي")
    assert vocative.steps == ["clitic يا-", "addressed with يا"]


def test_window_is_configurable():
    narrow = build(
        rule("w", "targeted", lexicons=["offensive"], targets=["writer"], window=1),
        lexicons={"offensive": OFFENSIVE, "writer": WRITER},
    )
    assert texts(narrow, "الكاتب حمار") == ["حمار"]
    assert texts(narrow, "الكاتب هو حمار") == []
