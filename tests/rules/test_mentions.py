"""`mentions` and `mention_verbs`: an insult that is named, reported or condemned is not a use."""

import pytest

from app.rules import PolicyError
from tests.rules.conftest import build, rule, texts

INSULTS = "روافض\nمجوس\nحمار\nكفار"
NOUNS = "كلمة\nلفظ\nوصف\nمصطلح"
VERBS = (
    "وصفوا\nينعتون\nيسمونهم\nتسمى\nبيسمي\nيكتب\nقالوا\nهتافات\nهتفوا\nهتف\nبيهتفوا\nاسمو\nقصه"
    "\nيناديني\nتقول\nسمونا\nقالي\nوصلتني\nجاني\nقاله\nشتمني\nيقولوله"
)
SECTS = "الشيعة\nالمسيحيين"


@pytest.fixture(scope="module")
def policy():
    mentions = {"mentions": ["nouns"], "mention_verbs": ["verbs"]}
    return build(
        rule("plain", "lexicon", lexicons=["insults"], **mentions),
        rule("near_sect", "targeted", category="author_offense", lexicons=["insults"],
             targets=["sects"], window=2, **mentions),
        rule("chant", "pattern", category="author_offense", pattern="\\mالموت\\s+لل?عرب\\M", **mentions),
        # a pattern whose match takes the punctuation mark after the word with it
        rule("called", "pattern", category="author_offense", pattern="\\mيا\\s*عبد\\s*[^\\p{Arabic}\\s\\w]",
             **mentions),
        lexicons={"insults": INSULTS, "nouns": NOUNS, "verbs": VERBS, "sects": SECTS},
    )


@pytest.mark.parametrize(
    "body",
    [
        "كلمة مجوس تستخدم للإساءة ولا تليق",  # a noun right before the word
        "لفظ «حمار» لا يليق بالنقاش",  # quotes between them are not words
        "مصطلح \"روافض\" إساءة",
        "وصف الشيعة بالروافض إساءة مرفوضة",  # a noun, then the label with ب two words on
        "وصفوا الشيعة بالروافض ظلما",  # a verb, the label with ب
        "وصفوا الشيعة بالروافض او المجوس ظلما",  # the second of a pair after «or» is given as the first
        "وصفوا الشيعة بالروافض والمجوس ظلما",  # and after «and»
        "ينعتون المسيحيين بالكفار",  # the targeted rule: the mentioned word is gone before targets
        "يسمونهم بالمجوس وهذا خطأ",  # ب right after the verb
        "وصفوا الشيعة في بيانهم بالروافض",  # ب four words after the verb: a subject or object between
        'وصفوا الشيعة بـ"الروافض" ظلما',  # ب written apart before the quotation (the tatweel)
        'وصفوا الشيعة في بيانهم بـ"الروافض"',  # … four words after the verb, counted from the ب
        "كلمة مجوس وروافض تستخدم للإساءة",  # the second of a pair the noun names, joined by و
    ],
)
def test_a_mentioned_insult_is_not_a_hit(policy, body):
    assert texts(policy, body) == []


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("الروافض كفار", ["الروافض", "كفار"]),  # no mention word at all
        ("والصحيح أن تسمى حمار", ["حمار"]),  # a verb without ب names, it does not report
        ("كلمة حق انتم مجوس", ["مجوس"]),  # the noun is two words before, and no ب
        ("ينعتون الناس في هذا البلد بالكفار", ["بالكفار"]),  # ب, but five words after the verb
        ("كلمة مجوس قليلة عليكم يا حمار", ["حمار"]),  # the second insult is a use
        ("لفظ قبيح حمار", ["حمار"]),  # two words after the noun without و: no pair
        ("كلمة حق وحمار", ["وحمار"]),  # و, but the first of the pair is named no insult
        ("كلمة مجوس قليلة وحمار", ["وحمار"]),  # و, but three words after the noun
        ('رد عليه بـ"حمار"', ["حمار"]),  # ب written apart, but no mention word or verb before it
        ("الروافض او مجوس", ["الروافض", "مجوس"]),  # a pair after «or», but neither is mentioned
        ("وصفوا الشيعة بالروافض وانت تقول شي او حمار", ["حمار"]),  # «or» after a word that is no label
    ],
)
def test_an_insult_used_still_hits(policy, body, typed):
    assert texts(policy, body) == typed


def test_unknown_mention_list_is_refused():
    with pytest.raises(PolicyError) as error:
        build(
            rule("plain", "lexicon", lexicons=["insults"], mention_verbs=["missing"]),
            lexicons={"insults": INSULTS},
        )
    assert error.value.rule == "plain"
    assert error.value.field == "mention_verbs"
    assert "missing" in error.value.message


@pytest.mark.parametrize(
    "body",
    [
        'اللي يكتب "يا حمار" تحت الخبر يفضح نفسه',  # a verb of writing right before the quotation
        "قالوا له «مجوس» في الشارع وهذا عيب",  # two words between verb and quotation
        'هتافات "الموت للعرب" تحريض مرفوض',  # a pattern's match, reported
        "قالوا له 'مجوس' في الشارع وهذا عيب",  # single quotes, as Arabic keyboards type them too
        "يكتب ‘يا حمار’ تحت كل خبر",  # typographic single quotes
        'يكتب "يا عبد" على الحيطان',  # the pattern's match ends with the closing mark
        'كلمة "روافض" و"مجوس" و"كفار" ما بتنفع بنقاش',  # quotations joined by و to a named one
        'لفظ "روافض"، "مجوس" او "كفار" إساءة',  # by a comma or «or»
    ],
)
def test_a_reported_quotation_is_not_a_hit(policy, body):
    assert texts(policy, body) == []


@pytest.mark.parametrize(
    "body",
    ["مستوطنون هتفوا الموت للعرب في المسيرة", "الطلاب هتفوا حمار في وجه الوزير", "كانوا بيهتفوا الموت للعرب"],
)
def test_a_bare_chant_right_after_a_verb_of_chanting_is_reported(policy, body):
    assert texts(policy, body) == []


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ('انتم "مجوس" وستبقون', ["مجوس"]),  # scare quotes: no verb of saying before them
        ("انتم 'مجوس' وستبقون", ["مجوس"]),  # single scare quotes, no verb of saying
        ("قالوا 'كلام' وانت حمار", ["حمار"]),  # the insult after a closed single quotation is a use
        ("هتف المجوس في الساحة", ["المجوس"]),  # with the article, after a verb of chanting: its subject
        ("يكتب مجوس على الحيطان", ["مجوس"]),  # a bare word after a verb of writing may be its subject
        ("يكتب عنك حمار", ["حمار"]),  # a verb of writing, but no quotation
        ('يكتب كل يوم في هذا الموقع "حمار"', ["حمار"]),  # the verb is five words before it opens
        ('قالوا "هذا كلام طويل جدا عن السياسة والناس وفي اخره حمار"', ["حمار"]),  # no short quotation
        ('هتافات "الموت للعرب" تحريض ويا حمار', ["حمار"]),  # the insult outside it is a use
        ('انتم "مجوس" و"كفار"', ["مجوس", "كفار"]),  # a list of quotations no word of saying names
        ('قالوا "كلام" ثم بعد ساعة "روافض"', ["روافض"]),  # the second is not joined to the first
        ('قالوا "كلام" و"هذا كلام طويل جدا عن السياسة وفي اخره حمار"', ["حمار"]),  # joined but not short
        ("اسكت يا عبد! ولا كلمة", ["يا عبد!"]),  # the mark is no quotation
        ('انتم "مجوس" وصف قليل عليكم', ["مجوس"]),  # a noun after the quotation judges, it does not report
        ("اللي قاله حمار", ["حمار"]),  # the bare past «قاله» is also «said it»: whoever said it is called one
        ('"مجوس" قالوا عن الجيران وعندهم حق', ["مجوس"]),  # a verb after a quotation: reported and endorsed alike
    ],
)
def test_an_insult_quoted_without_a_report_still_hits(policy, body, typed):
    assert texts(policy, body) == typed


@pytest.mark.parametrize(
    "body",
    [
        "قالوا على الشيعة روافض وهذا ظلم",  # a verb, «on», the people, the label
        "يكتب عن المسيحيين كفار كل يوم",  # «about»
        "قالوا ان الشيعة روافض",  # «that»
        "قالوا انو الشيعة روافض",  # the Levantine «that»
        "قالوا عن المسيحيين كلهم انهم كفار",  # five words on: a people, «all of them», «that they are»
        "قالوا للمواطن يا حمار",  # said with يا, but to a third party
        "قالوا له ياحمار",  # to him, and the joined vocative
        "اللي بيسمي الشيعة روافض لازم يتحاسب",  # a verb of calling, its object, the label
        "يسمونهم روافض ظلما",  # the object joined to the verb
        "بيسمي الشيعة العرب روافض",  # an object of two words
        "وصفوا المسيحيين كفار في الخطبة",
        "قالوا لي يا حمار وسكت",  # said to the writer, who reports it
        "كان المعلم يناديني يا حمار قدام الفصل",  # «me» joined to the verb
        "ضربونا وسمونا مجوس",  # a verb of calling with «us» joined: the label needs no object between
        "اخوي قالي انت حمار",  # «you» in someone else's words to the writer
        'وصلتني رسالة "انت حمار" من مجهول',  # a message received, quoted
        "اللي يكتب الموت للعرب لازم يتحاسب",  # «whoever writes» a claim a pattern holds whole
        "صاحبه قاله يا حمار",  # «to him» joined to the verb
        "كل ما حدا ينتقد يقولوله حمار",  # «to him» joined to a verb of saying: what they tell him
        "قالوا للمواطن يا حمار يا كفار",  # a string of names said with يا: each goes on the reported one
        "قالوا عليه يا حمار",  # «at him»: shouted or said at a third person
        "قالوا لي يا حمار ياكفار",  # the next name with its vocative joined
    ],
)
def test_a_label_someone_else_gives_a_third_party_is_reported(policy, body):
    """Said about them (على، عن، ان), said to them or to the writer (ل …يا, تناديني يا), or given
    with a verb of calling."""
    assert texts(policy, body) == []


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("قناة تسمى حمار", ["حمار"]),  # the label right after the verb names the channel so
        ("قالوا الشيعة روافض", ["روافض", "روافض"]),  # a verb of saying takes no second object
        ("يكتب المقال حمار", ["حمار"]),
        ("بيسمي الشيعة في العراق كلهم روافض", ["روافض"]),  # too far from the verb for its object
    ],
)
def test_a_label_not_given_as_a_second_object_still_hits(policy, body, typed):
    assert texts(policy, body) == typed


@pytest.mark.parametrize(
    ("body", "typed"),
    [
        ("يكتب عنك حمار", ["حمار"]),  # about you: said to the reader's face
        ("قالوا على الشيعة يا روافض", ["روافض", "روافض"]),  # said with يا: both rules hit
        ("قالوا على الشيعة كلام كثير في الماضي والحاضر روافض", ["روافض"]),  # past five words
        ("قالوا على الشيعة. روافض", ["روافض"]),  # another sentence
        ("قالوا اثنان من النواب عن المسيحيين انهم كفار", ["كفار", "كفار"]),  # seven words on: past five
        ("الروافض قالوا عن الشيعة", ["الروافض"]),  # the label before the verb is no report
        ("قالوا لك يا حمار", ["حمار"]),  # to you: said to the reader
        ("قالوا لا يا حمار", ["حمار"]),  # «no» is no one spoken to
        ("قالوا للمواطن شيئا يا حمار", ["حمار"]),  # a word between: said here, not reported
        ("قالوا لي شيئا يا حمار", ["حمار"]),  # to the writer, but a word between: said here
        ("قالوا لي لماذا تشتم .. حمار", ["حمار"]),  # to the writer, but other words between: said here
        ("جاني حمار", ["حمار"]),  # «came to me» says nothing: whoever came is called a donkey
        ("جاني يا حمار", ["حمار"]),  # nor with يا
        ("يكتب الموت للعرب", ["الموت للعرب"]),  # a verb of writing alone, no «whoever»: the writer's own
        ("شتمني الحمار قدام الناس", ["الحمار"]),  # a label with the article after the verb is its subject
        ("ليش تقول لي يا حمار", ["حمار"]),  # the second person: the writer tells the reader off
        ("قالوا انو انتي حمار", ["حمار"]),  # «that you are»: said to the reader's face
        ("كلمة مجوس او حمار قليلة عليكم", ["حمار"]),  # «or» after a label a noun names: no pair
        ("قالوا لي يا حمار والكفار هم", ["والكفار"]),  # a reported vocative carries no pair
        ("قالوا للمواطن يا حمار وانت يا كفار", ["كفار"]),  # «and you»: a name said here, not the string
        ("قالوا لك يا حمار يا كفار", ["حمار", "كفار"]),  # to the reader: the string is said here too
        ("قالوا عليك يا حمار", ["حمار"]),  # «at you»: said to the reader
        ("المعلق اللي اسمو فارس واضح انه حمار", ["حمار"]),  # «his name»: no one else says it
        ("كل القصة ان الوزير حمار", ["حمار"]),  # «the story»: no one else says it either
    ],
)
def test_a_label_not_reported_of_a_third_party_still_hits(policy, body, typed):
    assert texts(policy, body) == typed


# `mention_denials`: a commenter denying having said the label
DENIALS = "لم اقل\nمش بقول\nمو قصدي\nمحدش قال"


@pytest.fixture(scope="module")
def denying():
    denials = {"mention_denials": ["denials"]}
    return build(
        rule("plain", "lexicon", lexicons=["insults"], **denials),
        rule("near_sect", "targeted", category="author_offense", lexicons=["insults"],
             targets=["sects"], window=2, **denials),
        rule("wish", "pattern", category="author_offense", pattern="\\mحمار\\s+كبير\\M", **denials),
        lexicons={"insults": INSULTS, "denials": DENIALS, "sects": SECTS},
    )


@pytest.mark.parametrize(
    "body",
    [
        "انا لم اقل انك حمار",  # two words between
        "محدش قال على المسيحيين كفار هنا",  # the targeted rule: three words on
        "مو قصدي اقولك حمار كبير ابدا",  # a pattern's match is denied too
        "مش بقول ان الشيعة روافض",
        "محدش قال على المسيحيين في مصر كفار",  # five words on: what was not said, and of whom
    ],
)
def test_a_denied_label_is_not_a_hit(denying, body):
    assert texts(denying, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("لم اقل الا الحق يا حمار", ["حمار"]),  # said to someone with يا
        ("لم اقل شيئا ياحمار", ["ياحمار"]),  # the joined vocative
        ("لم اقل هذا. انت حمار", ["حمار"]),  # the denial ends with its sentence
        ("لم اقل لك شيئا عن الموضوع يا اخي حمار", ["حمار"]),  # said with يا
        ("لم اقل لك شيئا عن هذا الموضوع ابدا حمار", ["حمار"]),  # past the five words
        ("حمار ولم اقل شيئا", ["حمار"]),  # a denial after the word denies nothing before it
    ],
)
def test_a_label_outside_a_denial_still_hits(denying, body, found):
    assert texts(denying, body) == found


def test_a_listed_phrase_that_opens_with_ya_is_reported_like_a_label_after_ya():
    # «يا حيوان» is listed whole: its own يا says it to someone, here to a third party
    policy = build(rule("plain", "lexicon", lexicons=["insults"], mention_verbs=["verbs"]),
                   lexicons={"insults": "يا حيوان", "verbs": "قال"})
    assert texts(policy, "الحكم طرده لانه قال للمدافع يا حيوان") == []
    assert texts(policy, "قال لك يا حيوان") == ["يا حيوان"]
    assert texts(policy, "يا حيوان") == ["يا حيوان"]


# `mention_scripture`: a verse or a hadith quoted without quotation marks
SCRIPTURE = "قال تعالى\nقال رسول الله\nاولئك كحمار كبير"


@pytest.fixture(scope="module")
def quoting():
    scripture = {"mention_scripture": ["scripture"]}
    return build(
        rule("plain", "lexicon", lexicons=["insults"], **scripture),
        rule("near_sect", "targeted", category="author_offense", lexicons=["insults"],
             targets=["sects"], window=2, **scripture),
        rule("pair", "pattern", category="author_offense", pattern="\\mحمار\\s+كبير\\M", **scripture),
        lexicons={"insults": INSULTS, "scripture": SCRIPTURE, "sects": SECTS},
    )


@pytest.mark.parametrize(
    "body",
    [
        "قال تعالى ان الذين كفار لهم عذاب",  # right after the opener
        "قال رسول الله صلى الله عليه وسلم من سب الشيعة فهو من المجوس",  # past the blessing, near a sect
        "قال تعالى: مثلهم كمثل حمار كبير يحمل أسفارا",  # a pattern's match, past the colon
        "﴿ان الذين كفار لهم عذاب﴾ والله اعلم",  # a verse in its ornate parentheses, no opener
        "﴿" + "كلام " * 25 + "كفار﴾",  # however long
        "اولئك كحمار كبير بل اضل",  # inside a verse listed with its own words
        "اولئك كحمار كبير بل هم كفار",  # and after it
        "إِنَّ الَّذِينَ كُفَّارٌ لَهُمْ عَذَابٌ ۚ والله اعلم",  # vowelled beside the Quran's pause mark
    ],
)
def test_quoted_scripture_is_not_a_hit(quoting, body):
    assert texts(quoting, body) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("قال تعالى ذلك. انتم كفار", ["كفار"]),  # another sentence
        ("قال رسول الله انت حمار", ["حمار"]),  # said to the reader: no quotation
        ("قال تعالى كذا وكذا يا مجوس", ["مجوس"]),  # said with يا
        ("قال الوزير كلام كثير انتهى والناس كفار", ["كفار"]),  # no opener: «قال» alone
        ("قال تعالى " + "كلام " * 20 + "كفار", ["كفار"]),  # past twenty words
        ("﴿ان الذين كفروا﴾ وانتم كفار", ["كفار"]),  # after the verse closes
        ("إِنَّ الَّذِينَ كَفَرُوا ۚ وانتم كفار", ["كفار"]),  # typed unvowelled beside a pasted verse
        ("انتم كُفَّارٌ", ["كُفَّارٌ"]),  # vowelled, but no mark of the Quran in the comment
    ],
)
def test_scripture_opens_no_quotation_for_words_outside_it(quoting, body, found):
    assert texts(quoting, body) == found
