"""Character tables for Arabic normalization, built once at import.

Each table maps a character to what it becomes and names the normalization step, so evidence can
say which step changed the characters of a hit.
"""

import re
import unicodedata

# Step names, as shown to moderators in a hit's "steps".
REMOVED_INVISIBLE = "removed invisible characters"
REMOVED_DIACRITICS = "removed diacritics"
REMOVED_QURANIC_MARKS = "removed Quranic marks"
REMOVED_TATWEEL = "removed tatweel"
NFKC_FORMS = "NFKC presentation forms"
FOLDED_LETTERS = "folded letter forms"
PERSIAN_LOOKALIKES = "mapped Persian look-alikes"
MAPPED_DIGITS = "mapped digits"
LOWERCASED = "lowercased Latin"
FOLDED_ACCENTS = "folded Latin accents"
ARABIZI = "Arabizi"
JOINED_LETTERS = "joined separated letters"
JOINED_CUT_WORD = "joined a word cut by a space"  # not the normalizer's: the lists' (split.py)
COLLAPSED_REPEATS = "collapsed repeated letters"
FOLDED_ARABIZI_SPELLINGS = "folded Arabizi spellings"
COLLAPSED_SPACES = "collapsed spaces"
SPLIT_GLUED_WORDS = "split words glued after ة or ى"
DROPPED_FINAL_ALIF = "dropped the alif after a final plural و"

TATWEEL = "\u0640"


def _char_range(first: int, last: int) -> str:
    return "".join(chr(code) for code in range(first, last + 1))


def _format_characters() -> str:
    """Every Cf character (zero-width, bidi controls, BOM, tags) plus the grapheme joiner."""
    planes = list(range(0x10000)) + list(range(0xE0000, 0xE0080))
    found = [chr(c) for c in planes if unicodedata.category(chr(c)) == "Cf"]
    return "".join(found) + "\u034f"


DIACRITICS = _char_range(0x064B, 0x065F) + "\u0670"  # harakat, tanween, shadda, sukun, alef
QURANIC_MARKS = _char_range(0x0610, 0x061A) + _char_range(0x06D6, 0x06ED) + _char_range(0x08D3, 0x08FF)
INVISIBLE = _format_characters()

# character → step, for everything the deletion stage removes
DELETED_STEP = {
    **dict.fromkeys(INVISIBLE, REMOVED_INVISIBLE),
    **dict.fromkeys(DIACRITICS, REMOVED_DIACRITICS),
    **dict.fromkeys(QURANIC_MARKS, REMOVED_QURANIC_MARKS),
    TATWEEL: REMOVED_TATWEEL,
}

LETTER_FOLDS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا",
    "ى": "ي", "ئ": "ي", "ٸ": "ي",
    "ؤ": "و", "ٶ": "و",
    "ة": "ه",
}

# Persian, Urdu, Kurdish and Maghrebi letters typed in place of their Arabic look-alikes.
# گ and ڭ (g) fold to ك, their shape's base; ڨ (Maghrebi g) to ق.
PERSIAN_FOLDS = {
    "ک": "ك", "ڪ": "ك", "گ": "ك", "ڭ": "ك",
    "ی": "ي", "ې": "ي", "ێ": "ي", "ے": "ي", "ۓ": "ي", "ۍ": "ي", "ۑ": "ي",
    "ە": "ه", "ھ": "ه", "ۀ": "ه", "ہ": "ه", "ۂ": "ه", "ۃ": "ه",
    "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ڥ": "ف", "ڨ": "ق",
    "ۆ": "و", "ۇ": "و", "ۈ": "و", "ۋ": "و", "ۏ": "و",
    "ٹ": "ت", "ڈ": "د", "ڑ": "ر",
}


def _digit_folds() -> dict[str, str]:
    """Every decimal digit of any script (Arabic-Indic, extended, Devanagari …) → ASCII."""
    folds = {}
    for code in range(0x10000):
        char = chr(code)
        if unicodedata.category(char) == "Nd" and not char.isascii():
            folds[char] = str(unicodedata.digit(char))
    return folds


DIGIT_FOLDS = _digit_folds()
LATIN_LOWER = {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
# French accents, so that «enculé», «bâtard» and «pédé» read as the lists write them (without)
LATIN_ACCENTS = {
    **dict.fromkeys("éèêëÉÈÊË", "e"), **dict.fromkeys("àâäÀÂÄ", "a"), **dict.fromkeys("îïÎÏ", "i"),
    **dict.fromkeys("ôöÔÖ", "o"), **dict.fromkeys("ùûüÙÛÜ", "u"), **dict.fromkeys("çÇ", "c"),
}

FOLD_STEP = {
    **dict.fromkeys(LETTER_FOLDS, FOLDED_LETTERS),
    **dict.fromkeys(PERSIAN_FOLDS, PERSIAN_LOOKALIKES),
    **dict.fromkeys(DIGIT_FOLDS, MAPPED_DIGITS),
    **dict.fromkeys(LATIN_LOWER, LOWERCASED),
    **dict.fromkeys(LATIN_ACCENTS, FOLDED_ACCENTS),
}
_FOLDS = {**LETTER_FOLDS, **PERSIAN_FOLDS, **DIGIT_FOLDS, **LATIN_LOWER, **LATIN_ACCENTS}
FOLD_TABLE = str.maketrans(_FOLDS)

# چ has two readings. As a look-alike it stands for ج (its shape); in Gulf and Iraqi spelling it is
# the sound ك turned "ch" (چلب for كلب, چذاب for كذاب). A text holding it is matched both ways.
READ_AS_KAF = "چ read as ك, as Gulf and Iraqi Arabic write it"
SECOND_READINGS = {"چ": "ك"}
SECOND_READING_TABLE = str.maketrans({**_FOLDS, **SECOND_READINGS})
SECOND_READING_STEP = {**FOLD_STEP, **dict.fromkeys(SECOND_READINGS, READ_AS_KAF)}

# Arabizi digits, read inside Latin words and (with ARABIZI_LETTERS) inside Arabic ones: 9 → ق (as in
# "9alb"); ص is written "9'" rarely.
_ARABIZI_DIGIT_LETTERS = {"2": "ء", "3": "ع", "5": "خ", "6": "ط", "7": "ح", "8": "غ", "9": "ق"}
ARABIZI_DIGITS = str.maketrans(_ARABIZI_DIGIT_LETTERS)
# A digit with an apostrophe is the dotted letter: 3' = غ (also written 8), 7' = خ (also 5),
# 6' = ظ, 9' = ض. The first two become the digit of the same letter, so "3'abi" = "8abi".
ARABIZI_APOSTROPHE = {"3": "8", "7": "5", "6": "ظ", "9": "ض"}
# A Latin letter typed inside an Arabic word stands for the Arabic letter it spells in Arabizi
# ("كlب" is كلب, "حmار" is حمار); the vowels a, i, o, u are the long vowels. Letters with no one
# reading (c, e, x) are left as they are.
ARABIZI_LETTERS = {
    "a": "ا", "b": "ب", "t": "ت", "j": "ج", "g": "ج", "d": "د", "r": "ر", "z": "ز", "s": "س",
    "f": "ف", "q": "ق", "k": "ك", "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و", "y": "ي",
    "i": "ي", "o": "و", "u": "و", "p": "ب", "v": "ف",
}
ARABIZI_IN_ARABIC = str.maketrans({**_ARABIZI_DIGIT_LETTERS, **ARABIZI_LETTERS})
# the characters that table reads, for a regex class
ARABIZI_IN_ARABIC_CHARS = "".join(sorted({**_ARABIZI_DIGIT_LETTERS, **ARABIZI_LETTERS}))
APOSTROPHES = "'’‘`ʼ"
# One Arabic word has many Latin spellings: a long vowel doubled or spelled two ways (sharmoota,
# sharmouta → sharmuta; khanzeer → khanzir), a doubled consonant written once or twice (mibboun,
# miboun), ch for sh (French), kh and gh for the digits 5 and 8. The text and the lists are folded
# alike, so any listed spelling catches the others. Not ss: "ass" must not become "as".
ARABIZI_SPELLINGS = {"ou": "u", "oo": "u", "uu": "u", "ee": "i", "ii": "i", "aa": "a", "ch": "sh", "kh": "خ", "gh": "غ"}
ARABIZI_DOUBLED_CONSONANTS = "bcdfgjklmnpqrtvwxyz"
# what the folding rewrites, as regex alternatives (normalize folds it, patterns refuses it)
ARABIZI_FOLDED_AWAY = "|".join(ARABIZI_SPELLINGS) + f"|(?P<doubled>[{ARABIZI_DOUBLED_CONSONANTS}])(?P=doubled)"
# the nisba ending of a people's or a sect's name after a consonant, spelled many ways once the
# vowels are folded («sooreyeen» → sureyin, «masee7yeen» → masi7yin, «lebnaneyeh»): read as one
# («suriyin», «masi7iyin», «lebnaniye»). Only after a consonant (an Arabizi digit is an Arabic letter
# by now), so «ya», «eye» and «kifaya» keep their spelling
ARABIZI_NISBA = r"(?<=[bcdfghjklmnpqrstvwxzء-ي])[ei]?y(?P<ending>in|eh|e|ah|a)\b"
ARABIZI_NISBA_ENDINGS = {"in": "iyin", "eh": "iye", "e": "iye", "ah": "iya", "a": "iya"}


# Arabic letters after folding (hamza … yeh); used to tell Arabic terms from Latin ones.
ARABIC_LETTERS = "ءابتثجحخدذرزسشصضطظعغفقكلمنهوي"

# The vocative particle: what follows it is said to someone («يا حمار»).
VOCATIVE = "يا"
# the vocative joined to the article, the alif written once: «يالجاهل» = «يا الجاهل» (ياالكلاب
# folds to يالكلاب)
VOCATIVE_ARTICLE = "يال"
# «يا من»: the vocative opens a relative clause («يا من ستر القبيح», O He who veiled the ugly), so
# what the clause says is its verb's object, not a name the addressee is called
VOCATIVE_RELATIVE = "من"
# the Levantine, Gulf and Iraqi demonstrative ها + ال written joined: «هالكديش»، «هالحمير»
DEMONSTRATIVE_ARTICLE = "هال"

# Clitics. Conjunction و/ف, then a preposition or the article; a joined vocative يا, with the
# article or without; the joined demonstrative هال.
_CONJUNCTIONS = ("", "و", "ف")
# "عال": the dialect preposition ع (على) + ال, written joined (تفو عالكلاب، الموت عالخونة).
_ATTACHED = ("", "ب", "ل", "ك", "ال", "بال", "كال", "لل", VOCATIVE, VOCATIVE_ARTICLE, DEMONSTRATIVE_ARTICLE, "عال")
PROCLITICS = frozenset(c + a for c in _CONJUNCTIONS for a in _ATTACHED if c + a)
# how a proclitic that carries the article ends: ال، بال، وال، يال، هال, and ل + ال written لل
ARTICLE_ENDINGS = ("ال", "لل")
MAX_PROCLITIC = max(map(len, PROCLITICS))
# An independent pronoun is a word of its own: only a conjunction joins it (وانت، فانتم), never a
# preposition, the article or the vocative. «كانت» (was), «بانت» (appeared), «لانت» (softened),
# «بنتي» (my daughter) are not ك / ب / ل + انت or ب + نتي. Normalized forms (انتوا → انتو).
INDEPENDENT_PRONOUNS = frozenset({
    "انا", "نحن", "احنا", "انت", "انتي", "انتا", "انتم", "انتو", "انتن", "انتما", "انتوما", "نتا", "نتي",
    "هما", "هوما",
})
CONJUNCTION_PROCLITICS = frozenset(c for c in _CONJUNCTIONS if c)


def behind_conjunction(word: str) -> str:
    """The word without a conjunction joined before it («والميليشيات» → «الميليشيات»)."""
    return word[1:] if word[:1] in CONJUNCTION_PROCLITICS else word


# Arabizi writes the article (and و + the article) joined to the word, most of all in the Maghreb:
# «lbhim», «el7mar», «wlklab». Taken by Latin-script terms of three letters or more. Written apart
# («el souriyin») they are still the next word's clitic: no word between a target and a label
# (checks._apart_past_links).
LATIN_PROCLITICS = frozenset({"l", "el", "al", "il", "wl", "wel", "wal"})
# A proclitic that ends in the letter a term starts with shares it with the term, written once or
# twice, and the normalizer collapses a doubled one: «اللص» (ال + لص) reads «الص», «يااغبياء» and
# «ياغبياء» (يا + اغبياء) read «ياغبياء» — the term without its first letter behind what is left of
# the proclitic. By a term's first letter, those remains.
MERGED_PROCLITICS = {
    "ل": frozenset(p.removesuffix("ل") for p in PROCLITICS if p.endswith("ال")),
    "ا": frozenset(p.removesuffix("ا") for p in PROCLITICS if p.endswith(VOCATIVE)),
}
# Shared letters read only when the word as written has them twice: «العين» (the eye) is a word,
# not ال + لعين. ي + a listed term in ا is no word (the audit of the dictionary found one, يافعي,
# which is a written exception), so the vocative reads either way.
WRITTEN_TWICE = frozenset("ل")
# The same at the other end: the sound plural ين of a word ending in ي (نصيري، رافضي، لوطي) is
# written يين, and collapses to «ين»: the term followed by this ending, read as the plural when the
# word as written doubles the ي — «رافضين» (refusing) is not «رافضيين».
PLURAL_AFTER_YA = "ن"

# Endings allowed after a 4-letter term: two-letter pronouns (and the Levantine plural كون، هون:
# «كلابكون»), sound masculine plural/dual, and the accusative alif.
# Not ه/ة, ات, ي or ك: they turn 4-letter words into other words (جماع → جماعة، جماعات).
# the accusative alif of written Arabic («كان حمارا»), not after the final ه of a four-letter term
# (words.py: «كلبها» is her dog)
ACCUSATIVE = "ا"
ENDINGS_AFTER_4 = frozenset({
    "ها", "هم", "هن", "هون", "هما", "كم", "كن", "كون", "كما", "نا", "ين", "ون", "ان", ACCUSATIVE,
})
# After a term of 5 letters or more: also one-letter pronouns, ta marbuta (ه once folded) and ات.
ENDINGS_AFTER_5 = ENDINGS_AFTER_4 | {
    "ه", "ك", "ي", "ات", "اته", "اتها", "اتهم", "اتك", "اتي", "ته", "تها", "تهم", "تك", "تي",
}
# After a phrase that ends in the pronoun ك («يخرب بيت ابوك»، «تف في وشك»): the same pronoun for
# many, two or a woman (ابوكم، ابوكما، ابوكن، ابوكي). Phrases only: a single word's final ك is as
# often its root's (ملك، شرك، الترك). After a two-letter last word only the plural and dual: لكن
# ("but") and لكي ("so that") are words of their own.
AFTER_PRONOUN_K = frozenset({"م", "ما", "ن", "ي"})
AFTER_SHORT_PRONOUN_K = frozenset({"م", "ما"})

GOD = "اله"  # الله, as the normalizer folds it

# Words that open a phrase and say the same thing in every dialect: kin words of name-calling
# («اولاد الحرام»، «ولاد الحرام»، «عيال الحرام»، «ابناء الحرام»), modals of a call to violence
# («لازم يطردوا»، «يجب ان يطردوا»، «يلزم يطردوا»، the Maghrebi «خصهم يطردو») and the names of God a
# curse is wished of. A listed phrase that opens with a word of a family is matched opened by each
# member, so a list writes each phrase once, with one opener, and never enumerates opener × rest
# (normalized spellings; a member may be two words, as «لا بد»).
OPENER_FAMILIES = (
    frozenset({"اولاد", "ولاد", "عيال", "ابناء", "ابنا"}),
    frozenset({"ابن", "ولد"}),
    frozenset({
        "لازم", "يجب", "يلزم", "لابد", "لا بد", "يجب ان", "لابد ان", "لا بد ان",
        # Maghrebi «must»: «خصهم يترحلو»، «خاص نقتلوهم»
        "خص", "خاص", "خصهم", "خاصهم", "خصنا", "خاصنا", "خصكم", "خاصكم",
    }),
    # who a curse is wished of: «الله يلعنك»، «ربنا يلعنك»، «يا رب يلعنك»، «ان شاء الله يلعنك».
    # A curse phrase must take an object (يلعنك، ياخده): «والله» is also an oath, and «والله يموت من
    # الضحك» is no curse, so a wish with no object is a pattern rule (insult.wish_gone), not a phrase
    frozenset({GOD, "ربنا", "ربي", "الهي", "يا رب", "يارب", f"ان شاء {GOD}"}),
)

# The first word of a name or title made with الله (folded اله): «نصر الله يكسر الصمت» is Nasrallah
# breaking the silence, «حزب الله يرد» a party answering, not a curse opened by God (الله يكسر).
NAMED_WITH_GOD = frozenset({
    "عبد", "نصر", "حزب", "فضل", "جار", "عطا", "خير", "رزق", "حسب", "ضيف", "سعد", "فرج", "نعمه",
    "هبه", "انصار", "جند", "روح", "ايه", "رسول", "نبي", "بيت", "كتاب", "سيف", "ولي", "امر", "لطف",
    "حمد", "مال", "عوض", "جاد", "خلف", "فتح", "ذكر", "شكر", "دين", "شرع", "حكم", "عباد", "اسد",
})

# The words before الله that praise or invoke it, one or two of them, after which the next word is
# what is admired or begun, never said of God: «ما شاء الله كلب جميل»، «سبحان الله شيطان يوسوس»، «بسم
# الله». «ان شاء الله» is not here, since it opens curses and prayers against people («ان شاء الله
# يدمرهم»). Normalized spellings (checks._not_in_a_name).
PRAISING_GOD = frozenset({("سبحان",), ("بسم",), ("ماشاء",), ("ماشا",), ("ما", "شاء")})
# The heads of NAMED_WITH_GOD that name God's own things — His messenger, book, law, command, sign —
# not a person or a party: after them an insult is still said against God («شرع الله ظالم»، «رسول الله
# كذاب») and blasphemy stays blasphemy (checks._not_in_a_name).
SACRED_WITH_GOD = frozenset({
    "رسول", "نبي", "كتاب", "دين", "شرع", "حكم", "امر", "ذكر", "شكر", "حمد", "بيت", "ايه", "ولي", "عباد",
})
# the names of people and parties made with الله: what a pattern's God may stand inside
PEOPLE_NAMED_WITH_GOD = NAMED_WITH_GOD - SACRED_WITH_GOD

# A listed phrase is also matched with a dialect ending on its last word only when that word has
# four letters or more, so a three-letter root stays whole (words.dialect_variants).
ENDING_VARIANT_MIN_WORD = 4

# Levantine, Egyptian and Iraqi comments write the pronoun "him" as it is spoken, و for ه: «الله
# ياخدو»، «يخرب بيتو»، «الله لا يشبعو». A listed phrase whose last word ends in ه is also matched
# ending in و. Phrases only: a single word's final ه is as often a ta marbuta, and the phrase around
# it keeps the reading safe.
SPOKEN_PRONOUN_HU = "و"

# The plural of a present-tense verb ends in و where a call or a wish wants it («لازم ينذبحوا») and in
# ون where a statement does, as Gulf, Iraqi and Levantine comments write it either way («لازم
# ينذبحون»). A listed phrase whose last word opens with a present-tense prefix and ends in that و is
# also matched ending in ون.
PRESENT_PREFIXES = ("ي", "ت", "ن")
PLURAL_WAW, INDICATIVE_NUN = "و", "ن"

# What may stand between a curse and what it is aimed at: on (لعنة الله على الغلا), father or
# mother of (الله يلعن بو الغربة), a demonstrative (الله ينعل هاد الحر). Normalized spellings.
CURSE_LINKS = frozenset({"علي", "ع", "ابو", "بو", "ام", "هاد", "هذا", "هاي", "هذي", "ده", "دي"})

# A word of normalized text: letters and digits, no underscore (checks, cut words).
WORD = re.compile(r"[^\W_]+")

# The vocative and the second person: what stands right after them is said to the reader, and a
# phrase literal elsewhere («كلب مسعور», a rabid dog) is name-calling there (checks.Exceptions).
SAID_TO_THE_READER = frozenset({"يا", "انت", "انتي", "انتم", "انتو", "انتن", "انك", "انكم"})

# Words that say an animal or dirt word of someone: the vocative and the pronouns before a predicate
# («يا حمار»، «انت كلب»، «هم خنازير»). After them the word is name-calling whatever the scene around
# it (checks.LiteralScenes). Normalized spellings.
SAID_TO = SAID_TO_THE_READER | frozenset({
    "هو", "هي", "هم", "هما", "هن", "انه", "انها", "انهم", "لانك", "لانه", "لانهم", "مثلك", "زيك", "متلك",
    "مثلكم", "زيكم",
})

# What may stand beside a label hurled as a piece of its own and leave it alone there: the vocative
# and the pronouns it is thrown at, «all of them», an oath, «frankly», «really», «man», laughter
# (checks._alone_in_its_piece: «مجرمين كلهم!»، «والله العظيم جبان»، «بصراحه فاشلين»). Normalized
# spellings: a run of one letter is written once («ههههه» is «ه»).
BESIDE_A_HURLED_LABEL = SAID_TO_THE_READER | frozenset({
    "هو", "هي", "هم", "كلهم", "كلكم", "كلهن", "كلكن", "كلها", "كلو", "كله", "واله", "باله", "العظيم",
    "بصراحه", "صراحه", "فعلا", "حقيقي", "حقا", "جد", "بجد", "اصلا", "ياخي", "بجداره", "بامتياز", "وبس", "فقط",
    "ه", "هاها", "خ", "لول", "lol", "xd",
})

# The dialect possessives of the first person, right after an animal word: the writer's own beast
# («الكلب تبعنا مات»، «الحمار بتاعي»، «البغل ديالنا»). Said of the writer's own, the word is the
# animal (checks.LiteralScenes); «تبعكم»، «تبعهم» (your, their donkey) are left alone, since a
# leader is called that. Normalized spellings.
OWNED_BY_THE_WRITER = frozenset({
    "تبعي", "تبعنا", "تبعتي", "تبعتنا", "بتاعي", "بتاعنا", "بتاعتي", "بتاعتنا", "ديالي", "ديالنا",
    "متاعي", "متاعنا", "تاعي", "تاعنا", "مالتي", "مالتنا", "حقي", "حقنا",
    # the Maghrebi ones in Arabizi, as normalized (3 is ع): «el kelb mta3i», «lbghel dyali»
    "dyali", "dyalna", "mtaعi", "mtaعna", "taعi", "taعna", "ntaعi", "ntaعna",
})
# The beast of the writer's family or neighbours: a possessive particle, then kin («البغل ديال عمي»،
# «الكلب مال الجيران»، «البقرة بتاعة عمي»), or kin (or «انا») who «has» it right before the word
# («جدي كان عندو حمار»، «خالي عنده بهايم»; checks.LiteralScenes). «عندنا حمير بالبرلمان» has no kin
# before it and is name-calling still. Normalized spellings.
POSSESSIVE_PARTICLES = frozenset({
    "ديال", "تبع", "تبعت", "بتاع", "بتاعه", "بتاعت", "متاع", "تاع", "مال", "مالت", "حق",
    "dyal", "mtaع", "taع", "ntaع",
})
KIN = frozenset({
    "عمي", "خالي", "جدي", "ابوي", "ابويا", "بابا", "ابي", "اخوي", "خويا", "اخي", "اختي", "صاحبي", "جاري",
    "جارنا", "الجيران", "جيرانا", "جيراننا", "اهلي", "ستي", "جدتي", "عمتي", "خالتي", "امي", "ولدي", "ابني",
    "عم", "عمو", "الحاج", "انا",
    # in Arabizi, as normalized: «l7mar dyal jdi», «lbghel dyal 3mmi», «kelb dyal jarna»
    "jdi", "jddi", "عmmi", "عami", "khali", "bouya", "baba", "khouya", "jari", "jarna", "jiran", "jirana",
})
# Kin right after a beast, in construct, own it: «مطي جدي»، «كلب الجيران»، «حمار عمي». Not «عم», the
# Levantine progressive («هالحمار عم يحكي» says a man is talking), nor «انا».
KIN_OF_A_BEAST = KIN - {"عم", "عمو", "انا"}
HAS_ONE = frozenset({"عندو", "عنده", "عندي", "عندها", "معاه", "معه", "معو", "عندهم"})
# the words that may stand between kin and «has»: «جدي كان عندو حمار»
KIN_HAD = frozenset({"كان", "كانت", "كنت"})

# «was», «were» in the third person: a label told of a people's past, with a time before Islam after
# it, is history (checks.InHistory): «كان الفرس مجوسا قبل الاسلام». Not the first or second person:
# «كنتم عباد اصنام» is said to the reader. Normalized spellings.
WAS = frozenset({"كان", "كانت", "كانو", "كانا"})
# The words that carry such a past on to now: «قبل الاسلام وبعده»، «وما زالوا»، «لليوم» (checks.InHistory).
STILL = frozenset({
    "وبعده", "وبعد", "بعده", "زالو", "مازالو", "يزالون", "يزالو", "لليوم", "اليوم", "للان", "الان", "لهلا",
    "لسه", "لسا", "ولسه", "ولسا", "لحد",
})

# Words that may stand right before a definite noun without governing it, so that the noun still
# heads its phrase: demonstratives and openers («هذه الفكرة سخيفة»، «والله الحلقة تافهة»). Any other
# word before it without the article may be the head of a construct whose complement the noun is:
# «مقدم البرنامج تافه» says it of the presenter (checks.DescribedWork). Normalized spellings.
PHRASE_OPENERS = frozenset({
    "هذا", "هذه", "هذي", "هاي", "هاد", "هادي", "ده", "دي", "دا", "تلك", "ذلك", "كل", "بس", "يعني", "واله",
    "اصلا", "صراحه", "بصراحه", "بجد", "جد", "فعلا", "حقا", "ياخي", "ياخوي", "اخي", "اليوم", "هلا",
    "هلق", "الحين", "دلوقتي", "دابا", "هسه", "توا",
})

# Words that may follow a call to leave without being the one it is aimed at: where to go and where
# from («ارحلوا من هون»، «اطلعوا برا»، «ارجعوا على بلادكم»), another vocative («اطلعوا يا كلاب»)
# (checks.TargetedCheck, `addressed_act`). Any other word after a call is its object, and a group
# addressed before it is the one asked to act. Normalized spellings.
NOT_AN_OBJECT = frozenset({
    "من", "عن", "علي", "ع", "الي", "في", "برا", "بره", "لبرا", "لبره", "يا", "هون", "هنا", "هنيه",
    "هناك", "منها", "منه", "منا", "مننا", "منهون", "كلكم", "جميعا", "جميعكم", "فورا", "حالا", "هلق", "هلا",
    "الان", "بسرعه", "و", "او",
})

# Words between a subject and what is said of it that do not set the two apart in the window of a
# targeted rule: a copula («نبيكم كان مجرم»، «الكاتب هو الكذاب») or a dialect possessive («الرسول تبعكم
# كذاب»، «الكاتب بتاعكم حمار») (checks.TargetedCheck). Normalized spellings.
PREDICATE_LINKS = frozenset({
    "كان", "كانت", "كانو", "يكون", "تكون", "صار", "صارت", "صارو", "اصبح", "اصبحت", "اصبحو", "هو", "هي",
    "تبع", "تبعه", "تبعها", "تبعهم", "تبعك", "تبعكم", "تبعنا", "بتاع", "بتاعه", "بتاعها", "بتاعهم", "بتاعك",
    "بتاعكم", "بتاعنا", "حقه", "حقها", "حقهم", "حقك", "حقكم", "حقنا",
})

# Words of being between a self-marker and what the writer calls himself: «انا كنت اهبل»، «اني صرت
# غبي»، the Iraqi «اني جنت مطي»، «انا هو المكلخ» (checks.SaidOfSelf), or of degree: «انا اكبر حمار
# لاني اشتريت دولار». Normalized spellings.
BEING = frozenset({
    "كنت", "جنت", "صرت", "بقيت", "اصبحت", "اصلا", "فعلا", "حقا", "جد", "بجد", "واله", "شوي", "شويه", "اكبر", "اعظم",
    "هو", "هي",
})
# «a person», «a guy» between the writer and what he calls himself: «انا زول بليد»، «انا واحد غبي»
# (checks.SaidOfSelf). Not after a negator: «مو انسان طرطور» («not a puppet») sets the reader against
# the label as often as it denies it.
A_PERSON = frozenset({"زول", "واحد", "انسان", "شخص"})

# What a reported label is said about, between a verb of saying or calling and the label: «قال على
# الفلاحين بهايم»، «يقول عن السودانيين عبيد»، «اتهم المعارضين انهم خونة» (checks.Mentions). And the
# «you» that makes it said to the reader's face instead: «يقول عنك حمار». Normalized spellings.
SAID_ABOUT = frozenset({
    "علي", "عن", "عنه", "عنها", "عنهم", "عليه", "عليها", "عليهم", "انه", "انها", "انهم", "بانه", "بانها",
    "بانهم", "ان", "انو", "انهن",
})
# «if» before a denial: the denial is supposed, contrary to fact, and so asserts the label («لو ما
# كان جحش ما صار قنصل»، «لو مش حمار كان فهم») (checks.Negated). Normalized spellings.
COUNTERFACTUAL = frozenset({"لو", "لوكان"})
# «even» before «if»: a concession, not a supposition («حتى لو مش خاين، غلطته كبيرة») (checks.Negated)
EVEN = frozenset({"حتي", "حتا"})
# «whoever» before a verb of saying: the claim after it is someone's, reported to be judged («اللي
# بيقول الستات ناقصات عقل ده مش فاهم») (checks.Mentions). Normalized spellings.
WHOEVER = frozenset({"الي", "يلي", "من"})
# «or» between two labels: the second is given as the first is («وصف الشيعة بالروافض او المجوس»)
# (checks.Mentions). Normalized spellings.
OR = frozenset({"او"})
# The stems of the mention verbs that take two objects, someone and a label: calling, describing,
# nicknaming, taunting, considering («بيسمي اللاجئين حشرات»، «وصف المعارضين جرذان»، «تعتبر النساء
# نجاسة») (checks.Mentions). Verbs of saying and writing are not among them. Normalized spellings.
CALLING_VERB_STEMS = (
    "وصف", "يصف", "تصف", "نعت", "ينعت", "تنعت", "سمي", "سما", "سمو", "يسمي", "يسمو", "تسمي", "بيسم",
    "لقب", "يلقب", "عير", "يعير", "يعتبر", "تعتبر",
)
# A third-person object joined to such a verb: «سماه»، «يسمونهم».
OBJECT_PRONOUNS = ("ه", "ها", "هم", "هن")
# «to him / her / them» after a verb of saying: words reported to a third person (checks.Mentions).
# («صرخ عليه يا حرامي»: shouted at him)
TO_A_THIRD_PERSON = frozenset({"له", "لها", "لهم", "لهن", "الو", "الها", "الهم", "عليه", "عليها", "عليهم"})
# the same joined to a verb of saying («قاله»، «قالتله»، «قالهم»): the ones that open with ل, not the
# spoken «الو» (joined, «قالو» is «they said»)
JOINED_TO_A_THIRD_PERSON = tuple(sorted(word for word in TO_A_THIRD_PERSON if word.startswith("ل")))
SAID_TO_YOU = frozenset({
    "عنك", "عليك", "انك", "بانك", "لك", "عنكم", "عليكم", "انكم", "بانكم", "لكم", "انت", "انتم", "انتو", "انتي", "انتن",
})
# The writer as the one spoken to or called: «to me / us» after a verb of saying («قال لي يا غبي»)
# or a first-person object joined to it («كان يناديني يا غبي»، «سمونا بهايم»، «قالتلي انتي
# مجنونة»): someone else's words to the writer, reported (checks.Mentions). Normalized spellings.
TO_THE_WRITER = frozenset({"لي", "ليا", "لنا", "لينا"})
WRITER_AS_OBJECT = ("ني", "نا", "لي")
# How the verbs of the second person (or «she») and the imperative start (تقول، بتقول، تناديني، قول):
# «ليش تقول لي يا حمار» is the writer telling the reader off, not a report (checks.Mentions).
TO_THE_READER_STARTS = ("ت", "بت", "قول")

# «like you / him / them» right after a word said of a thing or a piece of work: the word is said of
# a person too («تحليلك سخيف زيك»، «تلفونك غبي متلك») (checks.DescribedWork). NOT «كيفك», also «how
# are you». Normalized spellings.
LIKE_SOMEONE = frozenset({
    "زيك", "زيكم", "زيه", "زيو", "زيها", "زيهم", "مثلك", "مثلكم", "مثله", "مثلها", "مثلهم", "متلك", "متلكم",
    "متله", "متلو", "متلها", "متلهم", "كوجهك", "كوجهكم",
})
# «like its owner / your heart / your face»: after زي، مثل، متل, a word that brings a person in
# («تعليقك تافه زي صاحبه»). Normalized spellings.
LIKE = frozenset({"زي", "مثل", "متل"})
LIKE_WHOSE = frozenset({
    "صاحبه", "صاحبو", "صاحبها", "صاحبك", "صاحبكم", "قلبك", "قلبه", "وشك", "وجهك", "اصلك", "اصله", "عقلك",
    "عقله", "اهلك", "امك", "ابوك",
})

# The stems of the mention verbs of chanting, which take the chant as their object: a bare chant
# right after one is the chant reported — «مستوطنون هتفوا الموت للعرب» (checks.Mentions). Not verbs
# of saying or writing: «يكتب مرتزق» may be a mercenary who writes. A term of mention_verbs.txt that
# opens with one of these is a verb of chanting («هتفوا»، «بيهتفوا»). Normalized spellings.
CHANTING_VERB_STEMS = ("هتف", "يهتف", "بيهتف")
# The words of mention_verbs.txt that only open a quotation: «his / her / their name», «the story»
# («شي اسمه "…"»، «شو قصة "…"»), a message that reached the writer («وصلتني رسالة "…"»). No one
# says anything in them — nor in «قول», the noun and the imperative («بدي قول انو …») — so they
# report no label said about a third party or to the writer: «اسمو فارس، واضح انه ديوث» calls Fares
# a cuckold, «كل القصة ان الوزير حمار» calls the minister a donkey, «جاني حمار» calls whoever came
# one (checks.Mentions). Normalized spellings.
QUOTATION_NOUNS = frozenset({
    "اسمه", "اسمها", "اسمو", "اسمهم", "قصه", "قول", "وصلتني", "وصلني", "جاتني", "جاني", "بعتلي", "بعتولي",
})


def char_class(chars) -> str:
    """A compact regex class for a set of characters (ranges keep the regex engine fast)."""
    codes = sorted(set(map(ord, chars)))
    parts, first, previous = [], codes[0], codes[0]
    for code in [*codes[1:], None]:
        if code is not None and code == previous + 1:
            previous = code
            continue
        first_char, last_char = re.escape(chr(first)), re.escape(chr(previous))
        parts.append(first_char if first == previous else f"{first_char}-{last_char}")
        if code is not None:
            first = previous = code
    return "[" + "".join(parts) + "]"
