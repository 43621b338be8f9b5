"""Every word-list term, disguised at least 8 ways, is still caught with the right category.

The disguises come from tests/policy/disguise.py, which has its own tables and shares no code
with the engine's normalizer. One test per word list; failures are collected and reported
together so a run stays short.
"""
import pytest

from app.rules import Submission, evaluate
from app.rules.split import STANDALONE

from .conftest import LEXICON_DIR
from .disguise import arabic_disguises, disguises, is_arabic, latin_disguises, read_terms

# word list → (template the disguised term is placed in, category its hit must carry)
# Offensive lists stand alone; scored-only lists (insults_mild, dehumanizing) and target lists are
# paired with an address, a people or a plain offensive word, because alone they are (rightly) not
# a violation.
LISTS = {
    "insults.txt": ("{}", "insult"),
    "insults_mild.txt": ("يا {}", "person_offense"),
    "hurled_labels.txt": ("{}", "insult"),
    "curses_mild.txt": ("يا {}", "person_offense"),
    "insults_abstract.txt": ("انت قمة {}", "person_offense"),
    "profanity.txt": ("{}", "insult"),
    "curses.txt": ("{}", "insult"),
    "blasphemy.txt": ("{}", "blasphemy"),
    "dehumanizing.txt": ("السوريين {}", "racist_incitement"),
    "sectarian_slurs.txt": ("{}", "sectarian_incitement"),
    "religious_slurs.txt": ("{}", "religion_attack"),
    "racist_slurs.txt": ("{}", "racist_incitement"),
    "takfir_labels.txt": ("الشيعة {}", "sectarian_incitement"),
    "hate_verbs.txt": ("{} الشيعة", "sectarian_incitement"),
    "deserve_harm.txt": ("كل شيعي {}", "sectarian_incitement"),
    "sacred_slurs.txt": ("{}", "sacred_offense"),
    "accusations.txt": ("الرسول {}", "sacred_offense"),
    "violence.txt": ("{}", "person_offense"),
    "expel.txt": ("{} السوريين", "racist_incitement"),
    "spam_ads.txt": ("{}", "spam"),
    "targets_writer.txt": ("{} كذاب", "author_offense"),
    "targets_address.txt": ("{} خاين", "person_offense"),
    "targets_pointing.txt": ("{}عميل", "person_offense"),
    "targets_god.txt": ("{} حقير", "blasphemy"),
    "targets_sacred.txt": ("{} منحط", "sacred_offense"),
    "targets_religions.txt": ("{} حشرات", "religion_attack"),
    "targets_sects.txt": ("{} حشرات", "sectarian_incitement"),
    "targets_worship.txt": ("لازم نحرق {}", "sectarian_incitement"),
    "targets_kin.txt": ("{} بالكباريه", "person_offense"),
    "vice.txt": ("اختك {}", "person_offense"),
    "targets_peoples.txt": ("{} حشرات", "racist_incitement"),
    "targets_powers.txt": ("{} حشرات", "racist_incitement"),
    "targets_factions.txt": ("{} حشرات", "person_offense"),
    "targets_bunch.txt": ("{} لصوص", "person_offense"),
    "targets_figures.txt": ("{} الجاسوس", "person_offense"),
    "targets_demonstratives.txt": ("{} الجاسوس", "person_offense"),
    "targets_regimes.txt": ("{} الخاين", "person_offense"),
    "epithets.txt": ("ترامب {}", "person_offense"),
    # animal and dirt words with a literal sense: name-calling once said to someone
    "scene_words.txt": ("يا {}", "person_offense"),
    "quality_words.txt": ("يا {}", "person_offense"),
    "dirt_words.txt": ("يا {}", "person_offense"),
    "stereotypes.txt": ("الصوماليين {}", "racist_incitement"),
    "women_stereotypes.txt": ("الستات كلهم {}", "person_offense"),
    "places.txt": ("الشيعه في {} خونه", "sectarian_incitement"),
    "possessives_yours.txt": ("القران {} كله خرافات", "sacred_offense"),
    "lineage_labels.txt": ("{} ابن خاين", "insult"),
    "targets_persons.txt": ("هذا {} جاسوس", "person_offense"),
    "ugly_likenesses.txt": ("وجهه زي {}", "insult"),
    "elatives.txt": ("انت {}", "person_offense"),
    "shoes.txt": ("{} خسارة فيهم", "person_offense"),
    "shoes_owned.txt": ("{} اشرف منك", "person_offense"),
    "inborn_vices.txt": ("الاكراد {} بدمهم", "racist_incitement"),
    "people_members.txt": ("ما في {} شريف.", "racist_incitement"),
    "none_there.txt": ("{} كردي شريف.", "racist_incitement"),
    "decent_words.txt": ("ما في كردي {}.", "racist_incitement"),
}
MIN_DISGUISES = 8
# lists of clitics, caught joined to the next word: letters split apart by spaces or dashes
# («ه ا لعميل») are no way of writing a clitic, so those two disguises are not asked of them
CLITIC_LISTS = {"targets_pointing.txt"}
CLITIC_SPLITS = ("spaced", "dashed")
# exception lists (`except:`): innocent phrases, never a hit; tested by test_exception_phrases_*
EXCEPTION_LISTS = {
    "except_literal.txt", "except_quoted.txt", "things.txt", "self_markers.txt", "except_words.txt",
    "except_written.txt", "except_negated.txt", "mentions.txt", "mention_verbs.txt", "except_metaphors.txt",
    "except_charges.txt", "scene_cues.txt", "denials.txt", "negators.txt", "governors.txt", "institutions.txt",
    "work_nouns.txt", "thing_nouns.txt", "titles.txt", "scripture.txt",
    "refusing_heads.txt", "feast_beasts.txt", "history.txt", "foreign_presence.txt", "virtues.txt", "not_demanded.txt",
    "return_timing.txt",
}
# lists of single words (فخره is not ف + خره; كلمة before an insult mentions it): the only
# exception lists whose entries may be one word
WORD_EXCEPTION_LISTS = {
    "except_words.txt", "except_written.txt", "things.txt", "mentions.txt", "mention_verbs.txt", "except_metaphors.txt",
    "scene_cues.txt", "denials.txt", "self_markers.txt", "negators.txt", "governors.txt", "institutions.txt",
    "work_nouns.txt", "thing_nouns.txt", "titles.txt", "refusing_heads.txt", "feast_beasts.txt", "foreign_presence.txt",
    "virtues.txt", "not_demanded.txt", "return_timing.txt",
}


def test_every_word_list_is_covered():
    on_disk = {path.name for path in LEXICON_DIR.glob("*.txt")}
    assert on_disk == set(LISTS) | EXCEPTION_LISTS


def test_generator_makes_eight_real_disguises():
    for term in ("حمار", "ابن الكلب", "زب", "kalb", "7mar"):
        variants = disguises(term)
        assert len(variants) >= MIN_DISGUISES
        assert all(v != term for v in variants.values()), variants
        assert len(set(variants.values())) >= MIN_DISGUISES, variants
    assert arabic_disguises("كلب")["lookalikes"] == "\u06a9لب"
    assert latin_disguises("kalb")["fullwidth"] == "ｋａｌｂ"


def categories_hit(policy, text):
    return {hit["category"] for hit in evaluate(policy, Submission(body=text)).to_dict()["hits"]}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_disguised_terms_are_caught(policy, name):
    template, category = LISTS[name]
    terms = read_terms(LEXICON_DIR / name)
    assert terms, f"{name} is empty"
    failures = []
    for term in terms:
        variants = disguises(term)
        if name in CLITIC_LISTS:
            variants = {how: v for how, v in variants.items() if how not in CLITIC_SPLITS}
        assert len(variants) >= MIN_DISGUISES, term
        for how, disguised in [("plain", term), *variants.items()]:
            text = template.format(disguised)
            if category not in categories_hit(policy, text):
                failures.append(f"{term!r} {how}: {text!r}")
    assert not failures, f"{len(failures)} disguised terms missed in {name}:\n" + "\n".join(failures[:60])


HURLED_ALONE = "insult.label_hurled"
# Disguises that keep an exception phrase whole (the generator's spacing and dotting split a
# multi-word phrase into letters, which the engine rejoins into one word: not the phrase).
EXCEPTION_DISGUISES = (
    "tatweel", "diacritics", "repeated", "zero_width", "lookalikes", "presentation", "tatweel+diacritics",
)


@pytest.mark.parametrize("name", sorted(EXCEPTION_LISTS))
def test_exception_phrases_plain_and_disguised_are_never_hit(policy, name):
    terms = read_terms(LEXICON_DIR / name)
    assert terms, f"{name} is empty"
    failures = []
    for term in terms:
        if name not in WORD_EXCEPTION_LISTS:
            assert " " in term, f"{name}: {term!r} is a single word; exception lists hold phrases"
        variants = arabic_disguises(term)
        kept_whole = EXCEPTION_DISGUISES
        if name == "except_written.txt":
            # a written exception differs from a listed term by a doubled letter, and a stretch of
            # that letter reads as the term (هنيكككك is هنيكك): tests/rules/test_written_exceptions.py
            kept_whole = tuple(how for how in EXCEPTION_DISGUISES if "repeated" not in how)
        for how, disguised in [("plain", term), *((k, v) for k, v in variants.items() if k in kept_whole)]:
            hits = evaluate(policy, Submission(body=disguised)).to_dict()["hits"]
            if " " not in term:
                # a one-word entry that is also a label of people (مرتزقه، شبيحه) is thrown at someone when
                # it stands alone as the whole comment: what insult.label_hurled is for
                hits = [hit for hit in hits if hit["rule"] != HURLED_ALONE]
            if hits:
                failures.append(f"{term!r} {how}: {disguised!r} → {[(h['rule'], h['text']) for h in hits]}")
    assert not failures, f"{len(failures)} exception phrases hit in {name}:\n" + "\n".join(failures[:60])




# cut words are read (split_words) for single-word terms of four letters or more, unless a half is
# itself a word of the lists (it is read on its own) or a common standalone word («كل اب» is "every
# father"): the cut is made nearest the middle where neither half is one
CUT_LISTS = {"profanity.txt": ("{}", "insult"), "insults.txt": ("يا {}", "insult")}
# terms whose cut the engine rightly leaves alone once the halves are normalized
NOT_READ_CUT = {
    "لؤماء": "the halves read لو ما, «if not»: both standalone words",
    "صرمايي": "the second half ايي collapses to اي, a standalone word",
    "انطموا": "the second half موا is مو, a standalone word («not»), plus the plural alif",
    "لئيم": "normalized it is ليم, three letters",
}


def _cut_in_two(word: str, words: set[str]) -> str | None:
    """The word with a space nearest its middle («شرمو طة»), where neither half is one of words."""
    middle = len(word) // 2
    for cut in sorted(range(1, len(word)), key=lambda cut: abs(cut - middle)):
        if word[:cut] not in words and word[cut:] not in words:
            return f"{word[:cut]} {word[cut:]}"
    return None


@pytest.mark.parametrize("name", sorted(CUT_LISTS))
def test_terms_cut_in_two_by_a_space_are_caught(policy, name):
    template, category = CUT_LISTS[name]
    words = {term for list_name in CUT_LISTS for term in read_terms(LEXICON_DIR / list_name)} | STANDALONE
    failures, asked = [], 0
    for term in read_terms(LEXICON_DIR / name):
        cut = _cut_in_two(term, words) if " " not in term and len(term) >= 4 and is_arabic(term) else None
        if cut is None or term in NOT_READ_CUT:
            continue
        asked += 1
        if category not in categories_hit(policy, template.format(cut)):
            failures.append(f"{term!r}: {cut!r}")
    assert asked > 90
    assert not failures, f"{len(failures)} of {asked} cut terms missed in {name}:\n" + "\n".join(failures[:60])
