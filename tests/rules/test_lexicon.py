"""The lexicon rule type: word- and clitic-aware matching of word lists in one pass."""

import pytest

from app.rules.normalize import normalize
from app.rules.words import TermMatcher, dialect_variants, parse_word_list
from tests.rules.conftest import build, hits, rule, terms, texts

INSULTS = """\
# test insults
كلب
كلاب
حمار
حقير
جماع
سيس
زب
رافض
مخرب
ابن الكلب
7mar
stupid
"""


@pytest.fixture(scope="module")
def policy():
    return build(rule("insults", "lexicon", lexicons=["insults"]), lexicons={"insults": INSULTS})


MATCHER = TermMatcher(parse_word_list(INSULTS))


def found(text: str) -> list[str]:
    return [hit.term for hit in MATCHER.find(normalize(text).text)]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("والكلب", "كلب"),  # وال + 3-letter term
        ("بالكلاب", "كلاب"),  # بال + listed broken plural
        ("فالكلب", "كلب"),
        ("للكلب", "كلب"),  # لل (collapsed to ل)
        ("كالكلب", "كلب"),
        ("ياكلب", "كلب"),  # a joined vocative
        ("وكلب", "كلب"),
        ("الكلب", "كلب"),
        ("كلاب", "كلاب"),
        ("كلابهم", "كلاب"),  # 4 letters: a two-letter pronoun
        ("كلابكون", "كلاب"),  # … and the Levantine plural pronouns
        ("كلابهون", "كلاب"),
        ("الحقيرين", "حقير"),  # 4 letters: sound masculine plural
        ("المخربون", "مخرب"),
        ("كان حقيرا", "حقير"),  # 4 letters: the accusative alif of written Arabic
        ("ابن الكلب", "ابن الكلب"),  # multi-word term
        ("يا ابن الكلب", "ابن الكلب"),
        ("وابن الكلب", "ابن الكلب"),
        ("ya 7mar", "حmar"),  # Arabizi term
        ("you are STUPID", "stupid"),  # Latin term, any case
        ("زب", "زب"),  # a 2-letter term matches whole
        ("سيس", "سيس"),
    ],
)
def test_matches(text, term):
    assert term in found(text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("السيسي", "سيس"),  # a 3-letter term takes no ending
        ("جماعة", "جماع"),  # ه/ة is no ending of a 4-letter term
        ("جماعات", "جماع"),  # nor ات
        ("كلبا", "كلب"),  # nor the accusative alif of a 3-letter term
        ("الزبداني", "زب"),  # a 2-letter term never inside a word
        ("الزب", "زب"),  # … not even with the article
        ("روافض", "رافض"),  # a broken plural is listed, never derived
        ("رافضي", "رافض"),  # ي is no ending of a 4-letter term
        ("كلبي", "كلب"),
        ("كلبة", "كلب"),  # feminine forms are listed, not derived
        ("مكلبش", "كلب"),  # never inside another word
        ("استكلب", "كلب"),
        ("stupidity", "stupid"),  # Latin terms match whole words only
        ("7mara", "حmar"),
        ("ابن الكلبي", "ابن الكلب"),  # endings follow the length without the article
    ],
)
def test_does_not_match(text, term):
    assert term not in found(text)


def test_a_term_ending_in_ha_takes_no_accusative_alif():
    # «قردها» (her monkey) is قرد + ها, never the accusative of a four-letter قرده
    assert TermMatcher(["قرده"]).find("قردها") == []
    assert [hit.term for hit in TermMatcher(["معتوه"]).find("معتوها")] == ["معتوه"]  # five letters
    assert [hit.term for hit in TermMatcher(["حقير"]).find("حقيرا")] == ["حقير"]


def test_a_listed_article_does_not_lengthen_the_term():
    matcher = TermMatcher(["الكلب"])
    assert [hit.term for hit in matcher.find("والكلب")] == ["الكلب"]
    assert matcher.find("الكلبي") == []


def test_hit_spans_the_whole_word_with_its_clitics(policy):
    assert texts(policy, "هذا والكلب بالكلاب") == ["والكلب", "بالكلاب"]


def test_the_joined_dialect_demonstrative_is_a_clitic(policy):
    # هالكلب = "this dog" (ها + ال) in Levantine, Gulf and Iraqi; هالة (a halo) holds no term
    assert texts(policy, "شو بدو هالكلب وهالحمار") == ["هالكلب", "وهالحمار"]
    assert texts(policy, "هالة القمر والهالك") == []


def test_the_joined_dialect_preposition_is_a_clitic(policy):
    # عالكلاب = "on the dogs" (ع for على, + ال); العالم and عالقين hold no term
    assert texts(policy, "تفو عالكلاب") == ["عالكلاب"]
    assert texts(policy, "العالم كله عالقين عالحدود") == []


MERGED_TERMS = """\
# test terms whose first or last letter a clitic can share: ل (2, 4, 5 letters, a phrase), ا, ي
لص
لعين
لقطاء
لاعق الاحذيه
اغبياء
احمق
نصيري
رافضي
"""


@pytest.fixture(scope="module")
def merged_policy():
    return build(rule("insults", "lexicon", lexicons=["insults"]), lexicons={"insults": MERGED_TERMS})


def test_a_term_starting_with_lam_is_found_behind_the_article(merged_policy):
    # the article's ل and the word's own are written as two, and collapse to one: «اللص» reads «الص»
    body = "اللص واللعين باللقطاء يااللص هاللعين عاللص اللاعق الاحذيه"
    assert texts(merged_policy, body) == body.split()[:6] + ["اللاعق الاحذيه"]
    assert terms(merged_policy, "اللعينين واللقطاءهم") == ["لعين", "لقطاء"]  # endings as usual


def test_a_word_that_merely_starts_with_the_article_is_not_a_lam_term(merged_policy):
    # العين (the eye), العينين, الص and القطاء are written with one ل: nothing was collapsed
    assert texts(merged_policy, "رآه بالعين المجردة والعينين الص القطاء") == []


def test_a_term_starting_with_alif_is_found_behind_the_joined_vocative(merged_policy):
    # يا + اغبياء written joined shares the alif, written once or twice: both read «ياغبياء»
    body = "يااغبياء ويااحمق ياحمق يا اغبياء"
    assert texts(merged_policy, body) == ["يااغبياء", "ويااحمق", "ياحمق", "اغبياء"]
    assert [hit.steps for hit in hits(merged_policy, "ياحمق")] == [["clitic يا-"]]


def test_a_term_ending_in_ya_is_found_before_its_plural(merged_policy):
    # the plural ين of a word in ي is written يين, and collapses: «النصيريين» reads «النصيرين»
    assert texts(merged_policy, "النصيريين ورافضيين الرافضيون") == ["النصيريين", "ورافضيين", "الرافضيون"]
    # written with one ي they are other words: الرافضين (those refusing), النصيرين (the supporters)
    assert texts(merged_policy, "الرافضين للقرار والنصيرين للحق") == []


def test_merged_letters_survive_disguises(merged_policy):
    body = "الللللص وال.ل.ع.ي.ن اللعـــين النصيرييين"
    assert texts(merged_policy, body) == body.split()


def test_merged_letters_are_named_in_the_steps(merged_policy):
    (hit,) = hits(merged_policy, "باللص")
    assert (hit.term, hit.steps) == ("لص", ["collapsed repeated letters", "clitic بال-"])
    (hit,) = hits(merged_policy, "الرافضيين")
    assert (hit.term, hit.steps) == ("رافضي", ["collapsed repeated letters", "clitic ال-", "ending -ين"])


def test_without_the_written_text_no_term_is_read_where_its_letter_could_be_another_words():
    matcher = TermMatcher(parse_word_list(MERGED_TERMS))
    assert [hit.term for hit in matcher.find(normalize("اللص النصيريين ياحمق").text)] == ["احمق"]


def test_clitics_are_named_in_the_steps(policy):
    (hit,) = hits(policy, "بالكلابهم")
    assert hit.steps == ["clitic بال-", "ending -هم"]


def test_disguised_terms_are_found_with_their_steps(policy):
    (hit,) = hits(policy, "يا كاتب المقال يا ح.م.ا.ر")
    assert (hit.text, hit.term, hit.steps) == ("ح.م.ا.ر", "حمار", ["joined separated letters"])


def test_longest_term_wins_in_a_word(policy):
    assert terms(policy, "كلاب") == ["كلاب"]


def test_terms_are_normalized_like_comments():
    matcher = TermMatcher(["حِمَارٌ", "أحمق", "  كلب   ابن  "])
    assert [hit.term for hit in matcher.find("حمار احمق كلب ابن")] == ["حمار", "احمق", "كلب ابن"]


def test_word_list_format():
    text = "# header: what belongs here\n\nكلب # a note\n  حمار  \n# comment\nابن الكلب\n"
    assert parse_word_list(text) == ["كلب", "حمار", "ابن الكلب"]


def test_matching_is_one_automaton_pass_over_every_list():
    rules = [rule("a", "lexicon", lexicons=["one", "two"]), rule("b", "lexicon", lexicons=["two", "one"])]
    policy = build(*rules, lexicons={"one": "كلب", "two": "حمار"})
    assert policy.rules[0].check.matcher is policy.rules[1].check.matcher
    assert policy.rules[0].check.matcher.size == 2


def test_rules_over_different_lists_share_one_scan_of_the_text(monkeypatch):
    rules = [rule("a", "lexicon", lexicons=["one"]), rule("b", "lexicon", lexicons=["two"]),
             rule("c", "lexicon", lexicons=["one", "two"])]
    policy = build(*rules, lexicons={"one": "كلب", "two": "حمار"})
    scanned = []
    real_scan = TermMatcher.scan
    monkeypatch.setattr(TermMatcher, "scan", lambda self, text, *rest: scanned.append(text)
                        or real_scan(self, text, *rest))
    assert [(h.rule, h.term) for h in hits(policy, "يا كلب ويا حمار")] == [
        ("a", "كلب"), ("b", "حمار"), ("c", "كلب"), ("c", "حمار")]
    assert scanned == ["يا كلب ويا حمار"]  # once for three rules over three sets of lists


def test_a_rule_sees_only_its_own_lists_even_where_terms_overlap():
    lists = {"animals": "كلب\nالكلب", "curses": "ابن الكلب"}
    policy = build(rule("a", "lexicon", lexicons=["animals"]), rule("b", "lexicon", lexicons=["curses"]),
                   lexicons=lists)
    assert [(h.rule, h.term) for h in hits(policy, "يا ابن الكلب")] == [("a", "الكلب"), ("b", "ابن الكلب")]
    assert [(h.rule, h.term) for h in hits(policy, "كلب الحراسة")] == [("a", "كلب")]


def test_name_field(policy):
    named = build(rule("n", "lexicon", lexicons=["insults"], fields=["name"]), lexicons={"insults": INSULTS})
    assert texts(named, "مقال جيد", name="الكلب") == ["الكلب"]
    assert texts(named, "الكلب", name="سالم") == []


def test_a_phrase_ending_in_the_pronoun_kaf_takes_its_plural_dual_and_feminine():
    matcher = TermMatcher(parse_word_list("يخرب بيت ابوك\nلا شرف لك\nملك"))
    def terms_in(text):
        return [hit.term for hit in matcher.find(normalize(text).text)]
    for form in ("ابوكم", "ابوكما", "ابوكن", "ابوكي"):
        assert terms_in(f"يخرب بيت {form}") == ["يخرب بيت ابوك"], form
    assert terms_in("لا شرف لكم") == ["لا شرف لك"]
    # after a two-letter word, لكن ("but") and لكي ("so that") are words of their own
    assert terms_in("لا شرف لكن") == terms_in("لا شرف لكي") == []
    # a single word's final ك may be its root's: ملكي is "royal", not ملك + ي
    assert terms_in("القصر الملكي") == []


def _terms_found(matcher: TermMatcher, text: str) -> list[str]:
    return [hit.term for hit in matcher.find(normalize(text).text)]


def test_a_phrase_opened_by_a_kin_word_is_found_with_every_word_of_its_family():
    matcher = TermMatcher(parse_word_list("اولاد الحرام\nابن الكلب\nولد"))
    for kin in ("اولاد", "ولاد", "عيال", "ابناء"):
        assert _terms_found(matcher, f"انتم {kin} الحرام"), kin
    assert "ولد الكلب" in _terms_found(matcher, "يا ولد الكلب")
    # a family is plural or singular: «عيال الكلب» is not listed through «ابن الكلب»
    assert _terms_found(matcher, "عيال الكلب") == []
    # the kin word alone is no phrase and stays as listed: «ولد» does not bring «ابن»
    assert _terms_found(matcher, "ابن عمي") == []


def test_a_curse_wished_of_god_is_found_with_every_name_of_god():
    matcher = TermMatcher(parse_word_list("الله يلعنك\nيا رب ياخدهم\nالله يكسر"))
    for name in ("الله", "ربنا", "ربي", "الهي", "يا رب", "يارب", "إن شاء الله"):
        assert _terms_found(matcher, f"{name} يلعنك يا كذاب"), name
    assert _terms_found(matcher, "الله ياخدهم") == ["اله ياخدهم"]  # normalized: one ل
    # «يا» alone is no name of God: a vocative opens no family
    assert _terms_found(matcher, "يا يلعنك") == []


def test_a_call_opened_by_a_modal_is_found_with_every_modal():
    matcher = TermMatcher(parse_word_list("لازم يطردوهم\nيجب ان نقتلهم\nلا شرف لك"))
    for modal in ("لازم", "يجب", "يلزم", "لابد", "لا بد", "يجب ان", "لا بد ان", "خصهم", "خاص"):
        assert _terms_found(matcher, f"{modal} يطردوهم من البلد"), modal
    # the longest opener is the one replaced: «يجب ان نقتلهم» brings «لازم نقتلهم», not «لازم ان نقتلهم» only
    assert _terms_found(matcher, "لازم نقتلهم") == ["لازم نقتلهم"]
    # «لا» alone opens no family: a negation is no modal
    assert _terms_found(matcher, "لازم شرف لك") == []


def test_a_phrase_ending_in_the_pronoun_ha_is_found_with_the_spoken_waw():
    matcher = TermMatcher(parse_word_list("الله ياخده\nيا وجه\nحقيره"))
    # terms come out normalized: الله reads اله
    assert _terms_found(matcher, "بشار الله ياخدو") == ["اله ياخدو"]
    assert _terms_found(matcher, "الله ياخده") == ["اله ياخده"]
    # a last word of three letters keeps its root: «وجه» (face) is not وج + pronoun
    assert _terms_found(matcher, "يا وجو") == []
    # a single word's final ه is as often a ta marbuta
    assert _terms_found(matcher, "حقيرو") == []


def test_a_phrase_ending_in_a_present_plural_is_found_ending_in_waw_nun():
    matcher = TermMatcher(parse_word_list("لازم ينذبحوا\nلازم يطردوهم\nالله ياخده\nكلهم حرامية"))
    assert _terms_found(matcher, "لازم ينذبحون واحد واحد") == ["لازم ينذبحون"]
    assert _terms_found(matcher, "يجب ان ينذبحون") == ["يجب ان ينذبحون"]  # with the modal family too
    # only a present-tense plural in و: not one with its object, nor the spoken pronoun «him»
    assert not any(v.endswith("ون") for v in dialect_variants("لازم يطردوهم"))
    assert not any(v.endswith("ون") for v in dialect_variants("اله ياخده"))
    assert not any(v.endswith("ون") for v in dialect_variants("كلهم حرامي"))


def test_a_phrase_opened_by_the_vocative_is_found_with_it_joined():
    matcher = TermMatcher(parse_word_list("يا جزمه\nيا ابن الكلب\nيا رخيص"))
    assert _terms_found(matcher, "اسكت ياجزمة") == ["ياجزمه"]
    # the alif after يا is written once: «يابن»
    assert _terms_found(matcher, "يابن الكلب") == ["يابن الكلب"]
    assert _terms_found(matcher, "يا رخيص") == ["يا رخيص"]
    # only the vocative joins: a word that merely begins with يا is not one
    assert _terms_found(matcher, "ياسمين رخيصة") == []
    assert "ياجزمه" not in dialect_variants("جزمه")


def test_arabizi_terms_are_found_behind_the_joined_article():
    matcher = TermMatcher(parse_word_list("bhim\n7mar\nab"))
    for written in ("lbhim", "elbhim", "wlbhim", "l7mar", "el7mar"):
        assert _terms_found(matcher, f"nta wahd {written}"), written
    assert _terms_found(matcher, "xbhim") == _terms_found(matcher, "bhimo") == []
    # a term of two letters takes no article: «lab» is a word
    assert _terms_found(matcher, "the lab") == []
