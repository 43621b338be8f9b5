"""Versions: version 1 seeded from the policy file (once), reading versions, export and import."""
import yaml
from test_policy_support import *  # noqa: F403
from test_policy_support import P

from app.extensions import db
from app.models import Role
from app.models.policies import PolicyVersion
from app.services.policies import versions


def test_the_file_becomes_version_1_once(editor_app, editor):
    client, headers = editor
    body = client.get(P, headers=headers).get_json()
    assert body["version"]["number"] == 1 and body["version"]["active"] and body["version"]["source"] == "seed"
    assert body["document"]["id"] == "test" and body["document"]["version"] == 1
    assert [r["id"] for r in body["document"]["rules"]] == ["test.hold", "test.reject"]
    assert "بطيخ" in body["word_lists"]["hold_words"]
    with editor_app.app_context():
        assert versions.ensure_seeded() is False  # idempotent
        assert db.session.query(PolicyVersion).count() == 1


def test_versions_list_and_one_version(editor):
    client, headers = editor
    listing = client.get(f"{P}/versions", headers=headers).get_json()
    assert listing["active"] == 1 and [v["number"] for v in listing["items"]] == [1]
    assert set(listing["items"][0]) >= {"number", "note", "created_by", "created_at", "active", "rules"}
    one = client.get(f"{P}/versions/1", headers=headers).get_json()
    assert one["version"]["number"] == 1 and one["diff"] is None and "rules" in one["document"]


def test_unknown_version_is_404(editor, problem):
    client, headers = editor
    problem(client.get(f"{P}/versions/99", headers=headers), 404)
    problem(client.get(f"{P}/export?version=99", headers=headers), 404)


def test_moderators_may_read_editors_may_change(api, problem):
    client, headers = api(Role.MODERATOR)
    assert client.get(P, headers=headers).status_code == 200
    assert client.post(f"{P}/test", json={"text": "نص"}, headers=headers).status_code == 200
    problem(client.post(f"{P}/drafts", json={}, headers=headers), 403)
    problem(client.post(f"{P}/publish", json={"note": "x"}, headers=headers), 403)


def test_export_then_import_round_trips_exactly(editor, with_fruit):
    client, headers = editor
    assert client.post(f"{P}/publish", json={"note": "fruit", "draft": with_fruit}, headers=headers).status_code == 201
    exported = client.get(f"{P}/export", headers=headers)
    assert exported.status_code == 200 and exported.mimetype == "application/yaml"
    assert "policy-test-v2.yaml" in exported.headers["Content-Disposition"]
    text = exported.get_data(as_text=True)
    data = yaml.safe_load(text)
    assert data["version"] == 2 and "تفاح" in data["word_lists"]["fruit"]
    imported = client.post(f"{P}/import", json={"yaml": text}, headers=headers)
    assert imported.status_code == 201, imported.get_data(as_text=True)
    view = imported.get_json()
    assert view["diff"]["rules"] == {"added": [], "removed": [], "changed": [], "reordered": False}
    assert view["word_lists"] == data["word_lists"]
    # the same content as the active version: nothing to publish
    again = client.post(f"{P}/publish", json={"note": "again", "draft": view["draft"]["id"]}, headers=headers)
    assert again.status_code == 422 and "draft" in again.get_json()["errors"]
    # and export of version 2 again is byte-identical
    assert client.get(f"{P}/export?version=2", headers=headers).get_data(as_text=True) == text


def test_import_refuses_broken_yaml_with_field_errors(editor, problem):
    client, headers = editor
    body = problem(client.post(f"{P}/import", json={"yaml": "id: [unclosed"}, headers=headers), 422)
    assert "yaml" in body["errors"]
    body = problem(client.post(f"{P}/import", json={"yaml": "id: x\nversion: 1\n"}, headers=headers), 422)
    assert "word_lists" in body["errors"]
    text = client.get(f"{P}/export", headers=headers).get_data(as_text=True)
    broken = text.replace("pattern:", "pattern:") .replace("type: lexicon", "type: nonsense", 1)
    body = problem(client.post(f"{P}/import", json={"yaml": broken}, headers=headers), 422)
    assert "rules.test.hold.type" in body["errors"]
