"""Rule-engine benchmark (run by hand: `.venv/bin/python bench/engine_bench.py`).

Median and p99 µs per comment for 100-, 600- and 3,000-character comments against policies
whose main word list holds 1k, 10k and 50k synthetic Arabic-like terms, beside a naive
baseline in the same run: normalize, then one compiled `re` word search per term.

Targets (issue 3): ≤ 300 µs median for 600 characters at 1k terms; < 1.5× growth from 1k to
50k terms; ≥ 100× faster than the naive baseline at 10k terms.
"""

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.rules import Submission, evaluate, load_policy_document  # noqa: E402
from app.rules.normalize import normalize  # noqa: E402
from app.rules.words import TermMatcher  # noqa: E402

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
DIACRITICS = "َُِّْ"
TERM_COUNTS = (1_000, 10_000, 50_000)
COMMENT_SIZES = (100, 600, 3_000)
NAIVE_TERM_COUNTS = (1_000, 10_000)


def synthetic_terms(count: int, rng: random.Random) -> list[str]:
    """Distinct Arabic-like terms of 3–9 letters, one in ten of two words."""
    terms: set[str] = set()

    def word() -> str:
        return "".join(rng.choice(LETTERS) for _ in range(rng.choice((3, 4, 4, 5, 5, 5, 6, 6, 7, 8, 9))))

    while len(terms) < count:
        terms.add(f"{word()} {word()}" if rng.random() < 0.1 else word())
    return sorted(terms)


def filler_vocabulary(size: int, terms: list[str], rng: random.Random) -> list[str]:
    """Arabic-like words none of which any term matches (with clitics and endings), so every
    comment hits the same number of listed terms whatever the size of the list."""
    matcher = TermMatcher(terms)
    words: set[str] = set()
    while len(words) < size:
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 8)))
        if not matcher.find(normalize(word).text):
            words.add(word)
    return sorted(words)


def synthetic_comment(size: int, vocabulary: list[str], terms: list[str], rng: random.Random) -> str:
    """Prose from the filler vocabulary with some diacritics and punctuation; one word in 40
    is a listed term."""
    words: list[str] = []
    length = 0
    while length < size:
        roll = rng.random()
        if roll < 0.025:
            word = rng.choice(terms)
        else:
            word = rng.choice(vocabulary)
            if roll < 0.10:
                word = word[0] + rng.choice(DIACRITICS) + word[1:]
            elif roll < 0.15:
                word += rng.choice("،.؟!")
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size]


def policy_for(terms: list[str]):
    """A realistic policy: the big list as a lexicon and in a targeted rule, plus the others."""
    rule = {"description": {"ar": "قاعدة", "en": "rule"}, "examples": {"match": [], "no_match": []}}
    document = {
        "id": "bench",
        "version": 1,
        "thresholds": {"hold": 4, "reject": 10},
        "limits": {"max_input_chars": 20000, "rule_budget_ms": 1000},
        "categories": {"insult": {"ar": "شتائم", "en": "Insults"}, "spam": {"ar": "إعلانات", "en": "Spam"}},
        "lexicons": {"big": "big.txt", "writer": "writer.txt", "mild": "mild.txt"},
        "rules": [
            {**rule, "id": "targeted", "category": "insult", "type": "targeted", "lexicons": ["big"],
             "targets": ["writer"], "window": 3, "action": "reject"},
            {**rule, "id": "lexicon", "category": "insult", "type": "lexicon", "lexicons": ["big"],
             "fields": ["body", "name"], "action": "hold"},
            {**rule, "id": "mild", "category": "insult", "type": "lexicon", "lexicons": ["mild"], "score": 2},
            {**rule, "id": "pattern", "category": "spam", "type": "pattern",
             "pattern": r"\mاربح\M.{0,20}\mالان\M", "score": 3},
            {**rule, "id": "links", "category": "spam", "type": "links", "min_links": 2,
             "fields": ["body", "website"], "score": 5},
            {**rule, "id": "contact", "category": "spam", "type": "contact", "score": 3},
            {**rule, "id": "repetition", "category": "spam", "type": "repetition", "max_repeat": 4,
             "max_char_run": 12, "max_caps_ratio": 0.7, "score": 2},
        ],
    }
    texts = {"big": "\n".join(terms), "writer": "الكاتب\nكاتب المقال\nالمحرر", "mild": "غبي\nتافه\nسخيف"}
    return load_policy_document(document, texts)


def naive_searches(terms: list[str]) -> list[re.Pattern]:
    return [re.compile(rf"(?<![^\W_]){re.escape(normalize(t).text)}(?![^\W_])") for t in terms]


def naive_evaluate(searches: list[re.Pattern], comment: str) -> list[str]:
    text = normalize(comment).text
    return [s.pattern for s in searches if s.search(text)]


def timed(function, comments: list[str], repeat: int) -> tuple[float, float]:
    """Median and p99 µs per comment, each comment's time the best of `repeat` runs (other
    processes on the machine only ever add time)."""
    samples = [float("inf")] * len(comments)
    for _ in range(repeat):
        for index, comment in enumerate(comments):
            started = time.perf_counter_ns()
            function(comment)
            samples[index] = min(samples[index], (time.perf_counter_ns() - started) / 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=200, help="distinct comments per size")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    all_terms = synthetic_terms(TERM_COUNTS[-1], rng)
    rng.shuffle(all_terms)
    vocabulary = filler_vocabulary(3_000, all_terms, rng)
    medians: dict[tuple[int, int], float] = {}
    print(f"{'terms':>7} {'chars':>6} {'engine median µs':>17} {'p99 µs':>9} {'naive median µs':>16} {'speed-up':>9}")
    for count in TERM_COUNTS:
        terms = all_terms[:count]
        started = time.perf_counter()
        policy = policy_for(terms)
        compile_ms = (time.perf_counter() - started) * 1000
        searches = naive_searches(terms) if count in NAIVE_TERM_COUNTS else None
        for size in COMMENT_SIZES:
            same_text = random.Random(args.seed + size)  # the same prose for every list size
            comments = [synthetic_comment(size, vocabulary, terms, same_text) for _ in range(args.comments)]
            median, p99 = timed(lambda c, p=policy: evaluate(p, Submission(body=c, name="قارئ")), comments, args.repeat)
            medians[(count, size)] = median
            naive = "—"
            speedup = "—"
            if searches is not None:
                few = comments[: max(5, args.comments // 20)]
                naive_median, _ = timed(lambda c, s=searches: naive_evaluate(s, c), few, 2)
                naive, speedup = f"{naive_median:,.0f}", f"{naive_median / median:,.0f}×"
            print(f"{count:>7,} {size:>6,} {median:>17,.1f} {p99:>9,.1f} {naive:>16} {speedup:>9}")
        print(f"        (policy with {count:,} terms compiled in {compile_ms:,.0f} ms)")
    for size in COMMENT_SIZES:
        growth = medians[(TERM_COUNTS[-1], size)] / medians[(TERM_COUNTS[0], size)]
        print(f"growth 1k → 50k terms at {size:,} chars: {growth:.2f}×")


if __name__ == "__main__":
    main()
