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
        "الحمار تبعنا مات من البرد بالمخيم",  # the writer's own: no cue needed
        "الكلب بتاعي عيان من امبارح",
        "الحمار ديالنا فالجبل",  # the Maghrebi possessive
        "الحمار ديال عمي طاح فالشعبة",  # a possessive particle, then kin
        "جدي كان عندو حمار",  # kin, «was», «has» right before it
        "خالي عنده كلاب في البلد",
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
        ("المدير تبعنا حمار", ["حمار"]),  # the possessive is the manager's, not the animal's
        ("الحمار تبعكم باع البلد", ["الحمار"]),  # your donkey: a leader is called that
        ("يا كلب تبعي", ["كلب"]),  # said to someone, whoever owns him
        ("غبي تبعنا", ["غبي"]),  # not an animal or dirt word
        ("الوزير تبع عمي حمار", ["حمار"]),  # kin after the possessive, but the minister's
        ("عندنا حمير بالبرلمان", ["حمير"]),  # «we have» with no kin before it
        ("المدرب عنده حمار بالدفاع", ["حمار"]),  # the coach is no kin
        ("ابوي يقول عنده حمار بالشغل", ["حمار"]),  # kin, but a verb before «has», not «was»
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


# `quality_words` and `work_nouns`: a piece of work judged poor, not a person insulted
QUALITY = "غبي\nغبيه\nتافه\nتافهه\nسخيف\nسخيفه"
WORK = "فكره\nحلقه\nخطه\nفيديو\nبرنامج"


@pytest.fixture(scope="module")
def work_policy():
    plain = rule("plain", "lexicon", lexicons=["insults"], quality_words=["quality"], work_nouns=["work"])
    # the feminine forms are listed: a three- or four-letter term takes no ة of its own
    insults = INSULTS + "\nغبيه\nتافه\nتافهه\nسخيف\nسخيفه"  # INSULTS already holds غبي
    return build(plain, lexicons={"insults": insults, "quality": QUALITY, "work": WORK})


@pytest.mark.parametrize(
    "body",
    [
        "فكرة سخيفة صراحة",  # right after the work
        "الفكرة السخيفة ما بتمشي",  # with the article: the noun right before
        "الحلقة كانت تافهة",  # a copula between
        "خطة المدرب غبية",  # the work's complement between
        "خطة المدرب كانت غبية",  # the complement and a copula: three words on
        "هذه الفكرة سخيفة",  # an opener before the definite work
    ],
)
def test_a_quality_word_said_of_a_work_passes(work_policy, body):
    assert texts(work_policy, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("فيديو ترامب الغبي", ["الغبي"]),  # the article: it describes ترامب, not the video
        ("المدرب غبي", ["غبي"]),  # no work at all
        ("غبي فكرته", ["غبي"]),  # the work after the word
        ("يا غبي الفكرة", ["غبي"]),  # said to someone
        ("الحلقة. غبي", ["غبي"]),  # another sentence
        ("خطة المدرب اللي جابوه غبي", ["غبي"]),  # four words on: past the predicate's reach
        ("فكرة الحمار", ["الحمار"]),  # not a quality word
        ("مقدم البرنامج تافه", ["تافه"]),  # the work is the complement of a person
        ("فيديو تافه زيك", ["تافه"]),  # likened to someone: said of a person too
        ("فيديو تافه زي صاحبه", ["تافه"]),  # likened to its owner
    ],
)
def test_a_quality_word_not_said_of_a_work_still_hits(work_policy, body, found):
    assert texts(work_policy, body) == found


@pytest.mark.parametrize(
    ("words_option", "words", "needed"),
    [("quality_words", QUALITY, "work_nouns"), ("dirt_words", "زفت\nزباله\nوسخ", "thing_nouns")],
)
def test_described_words_need_their_nouns(words_option, words, needed):
    with pytest.raises(PolicyError) as error:
        build(rule("plain", "lexicon", lexicons=["insults"], **{words_option: ["words"]}),
              lexicons={"insults": INSULTS, "words": words})
    assert error.value.field == needed


# `dirt_words` and `thing_nouns`: an everyday thing called rubbish, not a person insulted
DIRT = "زفت\nزباله\nوسخ"
THINGS = "الجو\nخدمه\nانترنت\nماتش\nامتحان"


@pytest.fixture(scope="module")
def thing_policy():
    plain = rule(
        "plain", "lexicon", lexicons=["insults"], quality_words=["quality"], work_nouns=["work"],
        dirt_words=["dirt"], thing_nouns=["things"],
    )
    lists = {
        "insults": INSULTS + "\nزفت\nزباله\nوسخ\nتافه", "quality": QUALITY, "work": WORK,
        "dirt": DIRT, "things": THINGS,
    }
    return build(plain, lexicons=lists)


@pytest.mark.parametrize(
    "body",
    [
        "الجو زفت اليوم",  # right after the thing
        "الماتش كان زفت",  # a copula between
        "خدمة الانترنت زبالة",  # the thing's complement between
        "خدمة الانترنت عندنا زبالة",  # a thing's predicate may stand three words after it
        "الجو زفت زي كل سنة",  # likened to a time, not to someone
        "الجو زفت. زيك ما في حدا",  # «like you» opens another sentence
        "الماتش حلو والجو زفت",  # a conjunction opens a phrase the thing heads
    ],
)
def test_a_dirt_word_said_of_a_thing_passes(thing_policy, body):
    assert texts(thing_policy, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("البرنامج زبالة", ["زبالة"]),  # a programme is work, and dirt words are not read of work
        ("المذيع زفت", ["زفت"]),  # a person
        ("يا زبالة الامتحان", ["زبالة"]),  # said to someone
        ("الفكرة كانت زفت", ["زفت"]),  # work judged with a dirt word is still name-calling
        ("الامتحان تافه", ["تافه"]),  # a quality word is read of work only, not of things
        ("الجو زفت متلك", ["زفت"]),  # likened to someone
    ],
)
def test_a_dirt_word_not_said_of_a_thing_still_hits(thing_policy, body, found):
    assert texts(thing_policy, body) == found

