"""`flask policy check|test|eval|audit`: validate a policy, explain one decision, measure a policy on
data, find ordinary words it flags."""

import json
from collections import Counter

import click
from flask import current_app
from flask.cli import AppGroup

from app.rules import PolicyError, Submission, evaluate, load_policy_file, read_policy_file, run_examples
from app.rules.loader import load_policy_document
from app.rules.words import parse_word_list

policy_cli = AppGroup("policy", help="Check, try and evaluate comment policies.")

_policy_option = click.option("--policy", "policy_file", type=click.Path(dir_okay=False), default=None,
                              help="Policy YAML (default: the app's POLICY_FILE).")


def _policy_path(path: str | None) -> str:
    return path or current_app.config["POLICY_FILE"]


def _load(path: str | None):
    try:
        return load_policy_file(_policy_path(path))
    except PolicyError as error:
        raise click.ClickException(str(error)) from None


@policy_cli.command("check")
@click.argument("file", required=False, type=click.Path(dir_okay=False))
def check_policy(file):
    """Validate FILE (default: POLICY_FILE) and run every rule's examples."""
    path = _policy_path(file)
    try:
        document, texts = read_policy_file(path)
        policy = load_policy_document(document, texts, source=path, check_examples=False)
    except PolicyError as error:
        raise click.ClickException(str(error)) from None
    failures = run_examples(policy)
    for failure in failures:
        click.echo(f"FAIL {failure.rule} {failure.field}: {failure.message}", err=True)
    examples = sum(len(r.examples["match"]) + len(r.examples["no_match"]) for r in policy.rules)
    summary = f"{path}: policy {policy.id} v{policy.version}, {len(policy.rules)} rules, {examples} examples"
    if failures:
        raise click.ClickException(f"{summary}: {len(failures)} example(s) failed")
    click.echo(f"OK {summary}")


def _marked(text: str, start: int, end: int) -> str:
    """The hit in its context, marked with » «, on one line."""
    before = text[max(start - 25, 0) : start].replace("\n", " ")
    after = text[end : end + 25].replace("\n", " ")
    return f"…{before}»{text[start:end]}«{after}…"


def describe_decision(decision, submission: Submission) -> list[str]:
    thresholds = decision.thresholds
    lines = [
        f"outcome: {decision.outcome}   score: {decision.score} "
        f"(hold ≥ {thresholds['hold']}, reject ≥ {thresholds['reject']})   "
        f"policy: {decision.policy_id} v{decision.policy_version}"
    ]
    for hit in decision.hits:
        verdict = f"action {hit.action}" if hit.action is not None else f"score {hit.score}"
        lines.append(f"- {hit.rule} [{hit.category}] {verdict} in {hit.field} [{hit.start}:{hit.end}]")
        if hit.error:
            lines.append(f"    error: {hit.error}")
        else:
            lines.append(f"    text: {hit.text!r}  term: {hit.term!r}")
            lines.append(f"    where: {_marked(submission.field_text(hit.field), hit.start, hit.end)}")
        if hit.steps:
            lines.append(f"    steps: {', '.join(hit.steps)}")
    if not decision.hits:
        lines.append("no rule hit")
    return lines


@policy_cli.command("test")
@click.argument("text")
@click.option("--name", default="")
@click.option("--website", default="")
@_policy_option
@click.option("--json", "as_json", is_flag=True, help="Print the decision as JSON.")
def test_text(text, name, website, policy_file, as_json):
    """Show the decision for TEXT, with each hit's evidence."""
    submission = Submission(body=text, name=name, website=website)
    decision = evaluate(_load(policy_file), submission)
    if as_json:
        click.echo(json.dumps(decision.to_dict(), ensure_ascii=False, indent=2))
        return
    for line in describe_decision(decision, submission):
        click.echo(line)


def _id_parity(row, number):
    """0 or 1: the row's numeric `id` when it has one (the split is by id), else its line number."""
    value = row.get("id", number)
    return int(value) % 2 if str(value).isdigit() else number % 2


def _rows(path, text_field, label_field, positive, subtype_field, ids):
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if not line.strip():
                continue
            row = json.loads(line)
            if ids != "all" and _id_parity(row, number) != (0 if ids == "even" else 1):
                continue
            subtype = row.get(subtype_field) if subtype_field else None
            yield str(row[text_field]), str(row[label_field]) == positive, subtype


def _ratios(tp: int, fp: int, fn: int) -> str:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"


@policy_cli.command("eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--text-field", default="text", show_default=True)
@click.option("--label-field", default="label", show_default=True)
@click.option("--positive", default="offensive", show_default=True, help="Label value of offensive rows.")
@click.option("--subtype-field", default=None, help="Field naming the kind of offence, for recall per kind.")
@click.option("--ids", type=click.Choice(["all", "even", "odd"]), default="all", show_default=True,
              help="Rows to use by their id (a dev/test split; line number when rows have no id).")
@_policy_option
@click.option("--top", default=20, show_default=True, help="How many misses, false flags and terms to list.")
def eval_policy(file, text_field, label_field, positive, subtype_field, ids, policy_file, top):
    """Confusion matrix, precision/recall/F1 of a policy on labelled JSONL; a flag = hold or reject."""
    policy = _load(policy_file)
    counts = Counter()
    by_category = Counter()  # (category, "tp"|"fp")
    by_subtype = Counter()  # (subtype, "tp"|"fn")
    misses, false_flags, false_terms = [], [], Counter()
    for text, offensive, subtype in _rows(file, text_field, label_field, positive, subtype_field, ids):
        decision = evaluate(policy, Submission(body=text))
        flagged = decision.outcome != "approve"
        counts[(offensive, flagged)] += 1
        for category in {hit.category for hit in decision.hits if hit.category}:
            by_category[(category, "tp" if offensive else "fp")] += 1
        if offensive and subtype is not None:
            by_subtype[(subtype, "tp" if flagged else "fn")] += 1
        if offensive and not flagged:
            misses.append(text)
        if flagged and not offensive:
            false_flags.append((text, decision))
            false_terms.update(f"{hit.rule}: {hit.term or hit.error}" for hit in decision.hits)
    tp, fp = counts[(True, True)], counts[(False, True)]
    fn, tn = counts[(True, False)], counts[(False, False)]
    click.echo(f"rows: {tp + fp + fn + tn}   policy: {policy.id} v{policy.version}")
    click.echo("                 flagged   approved")
    click.echo(f"offensive      {tp:>9} {fn:>10}")
    click.echo(f"not offensive  {fp:>9} {tn:>10}")
    click.echo(f"overall: {_ratios(tp, fp, fn)}")
    click.echo("per category of hits (recall = share of all offensive rows it flags):")
    for category in sorted({c for c, _ in by_category}):
        c_tp, c_fp = by_category[(category, "tp")], by_category[(category, "fp")]
        click.echo(f"  {category:<22} hits {c_tp + c_fp:>5}  {_ratios(c_tp, c_fp, tp + fn - c_tp)}")
    if subtype_field:
        click.echo("per subtype (offensive rows only: precision needs predicted subtypes, so recall):")
        for subtype in sorted({s for s, _ in by_subtype}, key=str):
            s_tp, s_fn = by_subtype[(subtype, "tp")], by_subtype[(subtype, "fn")]
            click.echo(f"  {str(subtype):<22} rows {s_tp + s_fn:>5}  recall {s_tp / (s_tp + s_fn):.3f}")
    click.echo(f"misses ({len(misses)}):")
    for text in misses[:top]:
        click.echo(f"  - {text[:140]!r}")
    click.echo(f"false flags ({len(false_flags)}):")
    for text, decision in false_flags[:top]:
        terms = ", ".join(f"{h.rule}:{h.term}" for h in decision.hits)
        click.echo(f"  - {text[:120]!r}  ← {terms}")
    click.echo(f"terms behind false flags (top {top}):")
    for term, count in false_terms.most_common(top):
        click.echo(f"  {count:>5}  {term}")


@policy_cli.command("audit")
@click.argument("words_file", required=False, type=click.Path(exists=True, dir_okay=False))
@_policy_option
@click.option("--context", "contexts", multiple=True,
              help="A text with {} for the word (repeatable; default: alone, after انت, next to a sect, a people…).")
def audit_policy(words_file, policy_file, contexts):
    """Ordinary words the policy flags: each word of WORDS_FILE (one a line; default: the arramooz
    dictionary from requirements-dev.txt) alone and in a few contexts, reported when the hit on it
    is another listed term (فخره → خره) or a listed spelling that folds onto it. Read every line."""
    from app.commands.policy_audit import CONTEXTS, arramooz_words, collisions, written_forms

    path = _policy_path(policy_file)
    policy = _load(path)
    _, lists = read_policy_file(path)
    if words_file:
        with open(words_file, encoding="utf-8") as handle:
            words = parse_word_list(handle.read())
    else:
        try:
            words = arramooz_words()
        except RuntimeError as error:
            raise click.ClickException(str(error)) from None
    found = 0
    for collision in collisions(policy, words, written_forms(lists), contexts or CONTEXTS):
        found += 1
        click.echo(f"{collision.outcome:<7} {collision.text}  ← {'; '.join(collision.terms)}")
    click.echo(f"{found} words flagged through another term or spelling", err=True)


# ------------------------------------------------------------------ versions in the database


@policy_cli.command("export")
@click.argument("file", required=False, type=click.Path(dir_okay=False, writable=True))
@click.option("--version", "number", type=int, default=None, help="A version number (default: the active one).")
def export_policy(file, number):
    """Write a policy version (default: the active one) with its word lists as one YAML file
    (standard output without FILE); `flask policy import` reads it back exactly."""
    from app.services.policies import versions

    version, text = versions.export(number)
    if file:
        with open(file, "w", encoding="utf-8") as handle:
            handle.write(text)
        click.echo(f"exported version {version.number} to {file}", err=True)
    else:
        click.echo(text, nl=False)


@policy_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--note", default=None, help="The change note (default: imported from FILE).")
@click.option("--draft", "as_draft", is_flag=True, help="Make a draft for the editor instead of publishing.")
def import_policy(file, note, as_draft):
    """Publish FILE (an export, or a policy YAML whose word lists are files beside it) as the next
    version; nothing is created when it equals the active version."""
    from app.services.policies import PolicyInvalid, documents, drafts, versions

    try:
        with open(file, encoding="utf-8") as handle:
            text = handle.read()
        content = documents.from_yaml(text) if "\nword_lists:" in text else documents.from_file(file)
    except PolicyInvalid as error:
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.extra["errors"].items())
        raise click.ClickException(f"{file}: {problems}") from None
    if as_draft:
        draft = drafts.create_draft(None, f"import {file.rsplit('/', 1)[-1]}", content=content)
        click.echo(f"draft {draft.id} created from {file}")
        return
    version, created = versions.import_version(None, *content, note or f"imported from {file.rsplit('/', 1)[-1]}")
    click.echo(f"{'published' if created else 'unchanged: already active as'} version {version.number}")
