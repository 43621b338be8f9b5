"""Literal scenes (`scene_words`, `scene_cues`): an animal or dirt word next to a farm, a zoo, a vet
or the municipality's bins is the animal or the dirt, unless it is said to someone."""

import pytest

from app.rules import PolicyError
from tests.rules.conftest import build, rule, texts

INSULTS = "كلب\nكلاب\nحمار\nحمير\nزباله\nغبي\nابن الكلب"
SCENE_WORDS = "كلب\nكلاب\nحمار\nحمير\nزباله"
SCENE_CUES = "مزرعه\nالضاله\nعضت\nالبلديه\nحاويات\nالرفق بالحيوان"


@pytest.fixture(scope="module")
def policy():
    plain = rule("plain", "lexicon", lexicons=["insults"], scene_words=["scene_words"], scene_cues=["scene_cues"])
    return build(plain, lexicons={"insults": INSULTS, "scene_words": SCENE_WORDS, "scene_cues": SCENE_CUES})


@pytest.mark.parametrize(
    "body",
    [
        "الكلاب الضالة عضت طفلا في الحي",  # the cue after the word
        "حمار المزرعة مات من البرد",  # the cue right after
        "البلدية لم ترفع الزبالة من الحي منذ اسبوع",  # dirt, with the cue before it
        "ارحموا الحمير يا ناس، اين جمعيات الرفق بالحيوان",  # six words apart
    ],
)
def test_a_scene_word_in_a_literal_scene_passes(policy, body):
    assert texts(policy, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("يا حمار المزرعة", ["حمار"]),  # said to someone: the vocative
        ("انت كلب من كلاب المزرعة", ["كلب"]),  # a pronoun before the first; the farm dogs are dogs
        ("هم كلاب والبلدية تعرف", ["كلاب"]),
        ("ياكلب المزرعة", ["ياكلب"]),  # the joined vocative
        ("كلاب! البلدية نايمة", ["كلاب"]),  # the cue is in another sentence
        ("الوزير حمار لانه لم يزر يوما واحدا اي مزرعة", ["حمار"]),  # seven words apart: too far
        ("يا ابن الكلب المزرعة ليست لك", ["ابن الكلب"]),  # a compound insult has no literal sense
        ("غبي من يشتري مزرعة هناك", ["غبي"]),  # not an animal or dirt word
    ],
)
def test_insults_outside_a_literal_scene_still_hit(policy, body, found):
    assert texts(policy, body) == found


def test_a_rule_without_the_scene_lists_reads_no_scene():
    plain = build(rule("plain", "lexicon", lexicons=["insults"]), lexicons={"insults": INSULTS})
    assert texts(plain, "الكلاب الضالة عضت طفلا") == ["الكلاب"]


def test_scene_words_and_cues_are_given_together():
    lists = {"insults": INSULTS, "scene_words": SCENE_WORDS, "scene_cues": SCENE_CUES}
    with pytest.raises(PolicyError, match="scene_cues"):
        build(rule("plain", "lexicon", lexicons=["insults"], scene_words=["scene_words"]), lexicons=lists)
    with pytest.raises(PolicyError, match="unknown word list"):
        build(rule("plain", "lexicon", lexicons=["insults"], scene_words=["nope"], scene_cues=["scene_cues"]),
              lexicons=lists)
