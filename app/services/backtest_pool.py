"""Backtest comparisons split across processes (the engine is CPU-bound; threads would share one GIL).

Compiled policies (automata, RE2 patterns) cannot be pickled, so every worker compiles its own once,
in the pool's initializer, from picklable inputs: the active version's and the candidate's
{"document", "word_lists"} and the older versions the comments' stored decisions name (preloaded
by the caller: workers never touch the database). Workers are then fed chunks of
(body, name, website, stored decision as JSON text) rows and return, per row, the small
(outcome, rules, categories) pairs the Report needs, in the chunk's order.
"""
import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from app.rules import load_policy_document
from app.services.backtest_compare import Comparison, Result

_comparison = None  # the worker's own Comparison, built by _init


def _load(document, word_lists):
    return load_policy_document(document, word_lists, check_examples=False)


def build(active, candidate, olders, compile_=_load):
    """A Comparison from picklable inputs: `active` and `candidate` are {"document", "word_lists"},
    `olders` {version number: {"document", "word_lists"}} of the versions comments may name.
    `compile_(document, word_lists)` -> Policy (the parent passes its cached compiler)."""
    compiled = {}

    def older(number):
        content = olders.get(number)
        if content is None:
            return None
        if number not in compiled:
            compiled[number] = compile_(content["document"], content["word_lists"])
        return compiled[number], content

    return Comparison(compile_(active["document"], active["word_lists"]), active,
                      compile_(candidate["document"], candidate["word_lists"]), candidate, older=older)


def _init(active, candidate, olders):
    global _comparison
    _comparison = build(active, candidate, olders)


def _init_forked():
    """A forked worker already holds the parent's Comparison (compiling again would cost ~0.3 s a policy)."""


def _pack(result):
    return result.outcome, tuple(result.rules), tuple(result.categories)


def unpack(packed):
    outcome, rules, categories = packed
    return Result(outcome, frozenset(rules), frozenset(categories))


def compare_rows(comparison, rows):
    """[(before, after) packed] for rows of (body, name, website, decision or its JSON text)."""
    out = []
    for body, name, website, decision in rows:
        if isinstance(decision, str):
            decision = json.loads(decision)
        before, after = comparison.compare(body, name, website or "", decision)
        out.append((_pack(before), _pack(after)))
    return out


def _compare_chunk(rows):
    return compare_rows(_comparison, rows)


def workers():
    return max(1, min(os.cpu_count() or 1, 8))


@contextmanager
def pool(active, candidate, olders, processes=None, prebuilt=None):
    """A ProcessPoolExecutor whose workers each hold a Comparison of these policies: where processes
    fork, `prebuilt` (the same Comparison, its older versions ready) is inherited as it is; else every
    worker builds its own from the picklable inputs."""
    global _comparison
    if prebuilt is not None and "fork" in multiprocessing.get_all_start_methods():
        _comparison = prebuilt
        options = {"mp_context": multiprocessing.get_context("fork"), "initializer": _init_forked}
    else:
        options = {"initializer": _init, "initargs": (active, candidate, olders)}
    try:
        with ProcessPoolExecutor(max_workers=processes or workers(), **options) as executor:
            yield executor
    finally:
        _comparison = None


def submit(executor, rows):
    return executor.submit(_compare_chunk, rows)
