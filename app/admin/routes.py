"""The policy editor's API: load with a schema, check the role, call one service, dump.

Reading the policy and the Test box are open to moderators (they explain held comments); drafts,
backtests, import, publish and rollback need an editor (or an admin). Cookie sessions need the
X-CSRFToken header on changes (app.auth); every answer is `Cache-Control: no-store`.
"""
from flask import Response, current_app, jsonify, request

from app.admin import bp
from app.admin.schemas import (
    BacktestIn,
    BacktestOut,
    DraftIn,
    DraftOut,
    DraftPatch,
    ImportIn,
    ListIn,
    MoveIn,
    PublishIn,
    RollbackIn,
    RuleIn,
    RulePatch,
    TermsIn,
    TermsRemoveIn,
    TestIn,
    ThresholdsIn,
    VersionOut,
    VersionQuery,
)
from app.auth import current_moderator, require_role
from app.models import Role
from app.request_body import load_body, load_query
from app.rules import Submission, evaluate
from app.services import backtests, rule_stats
from app.services.policies import documents, drafts, versions

E, M = Role.EDITOR, Role.MODERATOR
version_out, draft_out, backtest_out = VersionOut(), DraftOut(), BacktestOut()
P = "/api/v1/policy"
D = P + "/drafts/<int:draft_id>"


@bp.before_request
def larger_bodies():
    # Word lists and whole policies are bigger than a comment; only editors' requests are read.
    request.max_content_length = current_app.config.get("POLICY_MAX_BODY_BYTES", 2 * 1024 * 1024)


@bp.after_request
def private(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _version_view(version, active_id, *, full=False, against=None):
    view = dict(version_out.dump(version), active=version.id == active_id)
    if full:
        view = {"version": view, "document": version.document, "word_lists": version.word_lists,
                "diff": versions.version_diff(version, against)}
    return view


def _draft_view(draft):
    active = versions.active_version()
    return {"draft": draft_out.dump(draft), "document": draft.document, "word_lists": draft.word_lists,
            "active_version": active.number, "stale": draft.base_version_id != active.id,
            "diff": documents.diff(versions.content(active), {"document": draft.document,
                                                                "word_lists": draft.word_lists})}


# ---------------------------------------------------------------- versions


@bp.get(P)
@require_role(M)
def get_active_policy():
    active = versions.active_version()
    return jsonify(_version_view(active, active.id, full=True))


@bp.get(P + "/versions")
@require_role(M)
def list_versions():
    rows, active = versions.list_versions()
    return jsonify({"items": [_version_view(v, active.id) for v in rows], "active": active.number})


@bp.get(P + "/versions/<int:number>")
@require_role(M)
def get_version(number):
    query = load_query(VersionQuery())
    against = versions.get_version(query["against"]) if query["against"] else None
    version = versions.get_version(number)
    return jsonify(_version_view(version, versions.active_version().id, full=True, against=against))


@bp.get(P + "/export")
@require_role(M)
def export_policy():
    version, text = versions.export(load_query(VersionQuery())["version"])
    filename = f"policy-{version.policy_id}-v{version.number}.yaml"
    return Response(text, mimetype="application/yaml",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.post(P + "/import")
@require_role(E)
def import_policy():
    data = load_body(ImportIn())
    content = documents.from_yaml(data["yaml"])
    draft = drafts.create_draft(current_moderator(), data["name"], content=content)
    return jsonify(_draft_view(draft)), 201


@bp.get(P + "/stats")
@require_role(M)
def get_rule_stats():
    return jsonify({"rules": rule_stats.rule_stats()})


# ---------------------------------------------------------------- the Test box


def _policy_for(data):
    if data.get("draft"):
        draft = drafts.get_draft(data["draft"])
        return documents.compiled(draft.document, draft.word_lists)
    version = versions.get_version(data["version"]) if data.get("version") else versions.active_version()
    return documents.compiled(version.document, version.word_lists, version.checksum)


@bp.post(P + "/test")
@require_role(M)
def test_policy():
    data = load_body(TestIn())
    decision = evaluate(_policy_for(data), Submission(body=data["text"], name=data["name"],
                                                      website=data["website"]))
    return jsonify(decision.to_dict())


# ---------------------------------------------------------------- publish and rollback


@bp.post(P + "/publish")
@require_role(E)
def publish_policy():
    data = load_body(PublishIn())
    draft_id = data["draft"] or drafts.only_draft_id()
    version, change = versions.publish(current_moderator(), draft_id, data["note"], force=data["force"])
    return jsonify({"version": _version_view(version, version.id), "diff": change}), 201


@bp.post(P + "/rollback")
@require_role(E)
def rollback_policy():
    data = load_body(RollbackIn())
    version, change = versions.rollback(current_moderator(), data["version"], data["note"])
    return jsonify({"version": _version_view(version, version.id), "diff": change})


# ---------------------------------------------------------------- drafts


@bp.get(P + "/drafts")
@require_role(E)
def list_drafts():
    return jsonify({"items": draft_out.dump(drafts.list_drafts(), many=True)})


@bp.post(P + "/drafts")
@require_role(E)
def create_draft():
    data = load_body(DraftIn())
    return jsonify(_draft_view(drafts.create_draft(current_moderator(), data["name"], data["from_version"]))), 201


@bp.get(D)
@require_role(E)
def get_draft(draft_id):
    return jsonify(_draft_view(drafts.get_draft(draft_id)))


@bp.patch(D)
@require_role(E)
def rename_draft(draft_id):
    data = load_body(DraftPatch())
    return jsonify(_draft_view(drafts.rename_draft(current_moderator(), draft_id, data["name"],
                                                   data["revision"])))


@bp.delete(D)
@require_role(E)
def delete_draft(draft_id):
    drafts.delete_draft(current_moderator(), draft_id)
    return "", 204


@bp.post(D + "/rules")
@require_role(E)
def add_rule(draft_id):
    data = load_body(RuleIn())
    position, revision = data.pop("position"), data.pop("revision")
    return jsonify(_draft_view(drafts.add_rule(current_moderator(), draft_id, data, position, revision))), 201


@bp.route(D + "/rules/<rule_id>", methods=["PUT", "PATCH"])
@require_role(E)
def update_rule(draft_id, rule_id):
    replace = request.method == "PUT"
    data = load_body(RuleIn() if replace else RulePatch())
    data.pop("position", None)
    revision = data.pop("revision")
    return jsonify(_draft_view(drafts.update_rule(current_moderator(), draft_id, rule_id, data,
                                                  replace=replace, revision=revision)))


@bp.delete(D + "/rules/<rule_id>")
@require_role(E)
def delete_rule(draft_id, rule_id):
    revision = request.args.get("revision", type=int)
    return jsonify(_draft_view(drafts.delete_rule(current_moderator(), draft_id, rule_id, revision)))


@bp.post(D + "/rules/<rule_id>/move")
@require_role(E)
def move_rule(draft_id, rule_id):
    data = load_body(MoveIn())
    return jsonify(_draft_view(drafts.move_rule(current_moderator(), draft_id, rule_id, data["position"],
                                                data["revision"])))


@bp.put(D + "/thresholds")
@require_role(E)
def set_thresholds(draft_id):
    data = load_body(ThresholdsIn())
    revision = data.pop("revision")
    return jsonify(_draft_view(drafts.set_thresholds(current_moderator(), draft_id, data, revision)))


@bp.get(D + "/lists/<name>")
@require_role(E)
def get_list(draft_id, name):
    return jsonify(drafts.list_view(drafts.get_draft(draft_id), name))


@bp.put(D + "/lists/<name>")
@require_role(E)
def put_list(draft_id, name):
    data = load_body(ListIn())
    drafts.check_list_name(name)
    return jsonify(_draft_view(drafts.put_list(current_moderator(), draft_id, name, data["text"],
                                               data["revision"])))


@bp.delete(D + "/lists/<name>")
@require_role(E)
def delete_list(draft_id, name):
    revision = request.args.get("revision", type=int)
    return jsonify(_draft_view(drafts.delete_list(current_moderator(), draft_id, name, revision)))


@bp.post(D + "/lists/<name>/terms")
@require_role(E)
def add_terms(draft_id, name):
    data = load_body(TermsIn())
    items = drafts.pasted_terms(data["text"]) if data["text"] else [(t["term"], t["note"]) for t in data["terms"]]
    return jsonify(_draft_view(drafts.add_terms(current_moderator(), draft_id, name, items, data["revision"])))


@bp.post(D + "/lists/<name>/terms/remove")
@require_role(E)
def remove_terms(draft_id, name):
    data = load_body(TermsRemoveIn())
    return jsonify(_draft_view(drafts.remove_terms(current_moderator(), draft_id, name, data["terms"],
                                                   data["revision"])))


# ---------------------------------------------------------------- backtests


@bp.post(P + "/backtests")
@require_role(E)
def start_backtest():
    data = load_body(BacktestIn())
    scope = {k: data[k] for k in ("limit", "thread") if data.get(k)}
    scope.update({k: data[k].isoformat() for k in ("since", "until") if data.get(k)})
    backtest = backtests.start(current_moderator(), backtests.check_scope(scope), draft_id=data["draft"],
                               version=data["version"])
    return jsonify({"backtest": backtest_out.dump(backtest)}), 202


@bp.get(P + "/backtests")
@require_role(E)
def list_backtests():
    rows = backtests.list_backtests()
    return jsonify({"items": [dict(backtest_out.dump(b), result=None) for b in rows]})


@bp.get(P + "/backtests/<int:backtest_id>")
@require_role(E)
def get_backtest(backtest_id):
    return jsonify({"backtest": backtest_out.dump(backtests.get_backtest(backtest_id))})
