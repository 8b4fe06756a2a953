"""The JSON Schema (draft 7) of the `.ecoute-referentiel` file, format version 1.

Kept as Python rather than under resources/ so that the schema always travels with the code
that reads it. docs/referentiel.md describes each field.
"""

from __future__ import annotations

from typing import Any

SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "urn:ecoute:referentiel:v1",
    "title": "Écoute — référentiel partagé (version de format 1, signé)",
    "description": "The coordinator's theme tree, orientation directory, practical sheets (PDF, "
    "base64), default templates and questionnaire address, numbered, dated and "
    "signed with the coordinator's Ed25519 key. No personal data.",
    "type": "object",
    "additionalProperties": False,
    "required": [
        "format",
        "format_version",
        "version",
        "published_on",
        "themes",
        "directory",
        "sheets",
        "templates",
        "questionnaire_url",
        "public_key",
        "signature",
    ],
    "properties": {
        "format": {"const": "ecoute-referentiel"},
        "format_version": {"const": 1},
        "version": {"type": "integer", "minimum": 1, "maximum": 1000000},
        "published_on": {
            "type": "string",
            "pattern": "^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        },
        "themes": {
            "type": "array",
            "maxItems": 500,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "label", "parent", "retired"],
                "properties": {
                    "id": {"$ref": "#/definitions/theme_id"},
                    "label": {"$ref": "#/definitions/label"},
                    "parent": {"oneOf": [{"$ref": "#/definitions/theme_id"}, {"type": "null"}]},
                    "retired": {"type": "boolean"},
                },
            },
        },
        "directory": {
            "type": "array",
            "maxItems": 300,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "id",
                    "label",
                    "national",
                    "contact",
                    "email",
                    "address",
                    "when",
                    "retired",
                ],
                "properties": {
                    "id": {"type": "string", "pattern": "^or-[0-9a-f]{8}$"},
                    "label": {"$ref": "#/definitions/label"},
                    "national": {"type": "boolean"},
                    "contact": {"type": "string", "maxLength": 300},
                    "email": {"type": "string", "maxLength": 200},
                    "address": {"type": "string", "maxLength": 500},
                    "when": {"type": "string", "maxLength": 1000},
                    "retired": {"type": "boolean"},
                },
            },
        },
        "sheets": {
            "type": "array",
            "maxItems": 30,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "title", "file_name", "pdf"],
                "properties": {
                    "id": {"type": "string", "pattern": "^fi-[0-9a-f]{8}$"},
                    "title": {"$ref": "#/definitions/label"},
                    "file_name": {
                        "type": "string",
                        "pattern": '^[^/\\\\:*?"<>|\x00-\x1f]{1,100}\\.pdf$',
                    },
                    "pdf": {
                        "type": "string",
                        "maxLength": 7000000,
                        "pattern": "^[A-Za-z0-9+/]*={0,2}$",
                    },
                },
            },
        },
        "templates": {
            "type": "object",
            "additionalProperties": False,
            "required": ["charter", "confirmation_subject", "confirmation_body"],
            "properties": {
                "charter": {"type": "string", "maxLength": 20000},
                "confirmation_subject": {"type": "string", "maxLength": 300},
                "confirmation_body": {"type": "string", "maxLength": 20000},
            },
        },
        "questionnaire_url": {
            "type": "string",
            "maxLength": 500,
            "pattern": "^(https?://[^\\s]+)?$",
        },
        "public_key": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "signature": {"type": "string", "pattern": "^[0-9a-f]{128}$"},
    },
    "definitions": {
        "theme_id": {"type": "string", "pattern": "^th-[0-9a-f]{8}$"},
        "label": {
            "type": "string",
            "minLength": 1,
            "maxLength": 120,
            "pattern": "^[^\x00-\x1f\x7f]+$",
        },
    },
}
