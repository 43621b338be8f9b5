"""The OpenAPI 3 document, generated from the marshmallow schemas (apispec's plugin).

Every operation documents a `default` problem+json response, so 4xx answers conform.
"""
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import current_app

from app.widget import schemas as widget

PROBLEM = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "detail": {"type": "string"}, "code": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "violations": {"type": "array", "items": {"type": "object", "properties": {
            "category": {"type": "string"}, "term": {"type": "string"}}}},
    },
}
KEY_PARAM = {"name": "key", "in": "path", "required": True, "description": "The article's slug or path.",
             "schema": {"type": "string", "pattern": r"^[\w\-.]+(/[\w\-.]+)*$", "maxLength": 200}}
DEFAULT = {"default": {"description": "An error (RFC 9457).",
                       "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}


def _json(schema_name):
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}}}


def _operations():
    comment_body = {"required": True, "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/CommentIn"}},
        "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CommentIn"}}}}
    comment_id = {"name": "comment_id", "in": "path", "required": True,
                  "schema": {"type": "integer", "minimum": 1}}
    own = [comment_id, {"name": "X-Edit-Token", "in": "header", "required": True, "schema": {"type": "string"}}]
    return {
        "/api/v1/threads/{key}/comments": {
            "get": {"summary": "Approved comments of an article, oldest first, in keyset pages.",
                    "operationId": "listComments",
                    "parameters": [{"in": "query", "schema": "ListQuery"}],
                    "responses": {"200": dict(description="A page of comments.", **_json("CommentPage")),
                                  "304": {"description": "Not modified (ETag)."}, **DEFAULT}},
            "post": {"summary": "Leave a comment (اترك تعليق).", "operationId": "createComment",
                     "requestBody": comment_body,
                     "responses": {"201": dict(description="Published.", **_json("SubmitOut")),
                                   "202": dict(description="Held for moderation.", **_json("SubmitOut")),
                                   **DEFAULT}},
        },
        "/api/v1/comments/{comment_id}": {
            "get": {"summary": "The author's own comment (send the X-Edit-Token header).",
                    "operationId": "getOwnComment", "parameters": own,
                    "responses": {"200": dict(description="The comment.", **_json("OwnCommentEnvelope")),
                                  **DEFAULT}},
            "patch": {"summary": "Edit one's own comment within the edit window; the policy runs again.",
                      "operationId": "editOwnComment", "parameters": own,
                      "requestBody": {"required": True, "content": {
                          "application/json": {"schema": {"$ref": "#/components/schemas/CommentEditIn"}}}},
                      "responses": {"200": dict(description="Edited and published.", **_json("OwnCommentEnvelope")),
                                    "202": dict(description="Edited and held.", **_json("OwnCommentEnvelope")),
                                    **DEFAULT}},
            "delete": {"summary": "Delete one's own comment within the edit window.",
                       "operationId": "deleteOwnComment", "parameters": own,
                       "responses": {"204": {"description": "Deleted."}, **DEFAULT}},
        },
        "/api/v1/comments/{comment_id}/report": {
            "post": {"summary": "Report a published comment to the moderators.", "operationId": "reportComment",
                     "parameters": [comment_id],
                     "requestBody": {"required": True, "content": {
                         "application/json": {"schema": {"$ref": "#/components/schemas/ReportIn"}},
                         "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/ReportIn"}}}},
                     "responses": {"202": {"description": "Received.", "content": {"application/json": {
                         "schema": {"type": "object", "properties": {"received": {"type": "boolean"}}}}}},
                         **DEFAULT}},
        },
        "/api/v1/terms": {
            "get": {"summary": "The commenting terms (شروط التعليق) of the active policy.", "operationId": "listTerms",
                    "responses": {"200": {"description": "The terms in the reader's language.", "content": {
                        "application/json": {"schema": {"type": "object", "properties": {
                            "lang": {"type": "string"}, "intro": {"type": "string"},
                            "policy": {"type": "object"}, "edit_window_minutes": {"type": "integer"},
                            "terms": {"type": "array", "items": {"type": "object", "properties": {
                                "category": {"type": "string"}, "text": {"type": "string"}}}}}}}}},
                        "304": {"description": "Not modified (ETag)."}, **DEFAULT}},
        },
        "/api/v1/counts": {
            "get": {"summary": "Approved comment counts of several articles.", "operationId": "countComments",
                    "parameters": [{"name": "thread", "in": "query", "required": True, "explode": True,
                                    "schema": {"type": "array", "minItems": 1, "maxItems": 100,
                                               "items": {"type": "string"}}}],
                    "responses": {"200": {"description": "key → count", "content": {"application/json": {
                        "schema": {"type": "object", "additionalProperties": {"type": "integer"}}}}},
                        **DEFAULT}},
        },
    }


def build_spec():
    spec = APISpec(title="Majlis", version="1.0.0", openapi_version="3.0.3",
                   plugins=[MarshmallowPlugin()],
                   info={"description": "Moderated comments for Arabic news sites."})
    spec.components.schema("Problem", PROBLEM)
    spec.components.schema("CommentIn", schema=widget.CommentIn)
    spec.components.schema("CommentPage", schema=widget.CommentPage)
    spec.components.schema("SubmitOut", schema=widget.SubmitOut)
    spec.components.schema("CommentEditIn", schema=widget.CommentEditIn)
    spec.components.schema("ReportIn", schema=widget.ReportIn)
    spec.components.schema("OwnCommentEnvelope", {"type": "object", "properties": {
        "comment": {"$ref": "#/components/schemas/OwnCommentOut"}}})
    for path, operations in _operations().items():
        spec.path(path=path, operations=operations, parameters=[KEY_PARAM] if "{key}" in path else None)
    document = spec.to_dict()
    # The body limit is configurable (BODY_MAX_CHARS): document the one this server enforces.
    body = document["components"]["schemas"]["CommentIn"]["properties"]["body"]
    body["maxLength"] = min(body["maxLength"], int(current_app.config["BODY_MAX_CHARS"]))
    return document
