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


def build(active, candidate, olders):
    """A Comparison from picklable inputs: `active` and `candidate` are {"document", "word_lists"},
    `olders` {version number: {"document", "word_lists"}} of the versions comments may name."""
    compiled = {}

    def older(number):
        content = olders.get(number)
        if content is None:
            return None
        if number not in compiled:
            compiled[number] = _load(content["document"], content["word_lists"])
        return compiled[number], content

    return Comparison(_load(active["document"], active["word_lists"]), active,
                      _load(candidate["document"], candidate["word_lists"]), candidate, older=older)


def _init(active, candidate, olders):
    global _comparison
    _comparison = build(active, candidate, olders)


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


def _context():
    context = multiprocessing.get_context("forkserver")
    # The fork server imports the engine once; each pool's workers then start from it ready to compile.
    context.set_forkserver_preload([__name__])
    return context


def start_fork_server():
    """Start the fork server now rather than with the first backtest (it imports the engine: about
    a second on the 2-core machine); returns once it can fork. Idempotent."""
    probe = _context().Process(target=int)  # the first child waits for the server's imports
    probe.start()
    probe.join()


@contextmanager
def pool(active, candidate, olders, processes=None):
    """A ProcessPoolExecutor whose workers each build a Comparison of these policies once, from
    picklable inputs. Workers start from a fork server, never by forking this process: it runs
    threads (the task queue's workers), and a fork taken while another thread holds a lock (the
    logging lock, say) can leave the child waiting forever."""
    options = {"mp_context": _context(), "initializer": _init, "initargs": (active, candidate, olders)}
    with ProcessPoolExecutor(max_workers=processes or workers(), **options) as executor:
        yield executor


def submit(executor, rows):
    return executor.submit(_compare_chunk, rows)
