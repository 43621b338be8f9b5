"""The default policy's word lists write each phrase once: the spellings the matcher derives
(another opener of the same family, the spoken pronoun و for ه) are never listed by hand."""
import pytest

from app.rules.normalize import normalize_term
from app.rules.words import dialect_variants, parse_word_list

from .conftest import LEXICON_DIR


def derived_duplicates(terms: list[str]) -> list[str]:
    """The terms of a list that another term of it already brings as a dialect spelling (both,
    where two openers of a family bring each other: one of them is to go)."""
    keys = [" ".join(normalize_term(term).split()) for term in terms]
    listed = set(keys)
    derived = set()
    for key in listed:
        derived.update(variant for variant in dialect_variants(key) if variant != key)
    return [term for term, key in zip(terms, keys, strict=True) if key in derived]


def test_derived_duplicates_are_found():
    assert derived_duplicates(["اولاد الحرام", "عيال الحرام", "ولد"]) == ["اولاد الحرام", "عيال الحرام"]
    assert derived_duplicates(["لازم يطردوهم", "يجب ان يطردوهم", "الله ياخده", "الله ياخدو"]) == [
        "لازم يطردوهم", "يجب ان يطردوهم", "الله ياخدو",
    ]
    assert derived_duplicates(["ابن الكلب", "اولاد الكلب", "حقيره", "حقيرو"]) == []


@pytest.mark.parametrize("path", sorted(LEXICON_DIR.glob("*.txt")), ids=lambda path: path.name)
def test_no_list_spells_out_what_the_matcher_derives(path):
    terms = parse_word_list(path.read_text(encoding="utf-8"))
    assert derived_duplicates(terms) == []
