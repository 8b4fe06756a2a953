"""Ed25519 signatures of anonymised exports, with `cryptography` (no hand-written crypto).

The signing key is this database's 32-byte Ed25519 seed (store/identity.py); the
signature covers `signed_content(document)`: every key of the export but `signature`,
as canonical JSON. What a signature proves, and what it does not, is written in
docs/export-format.md (« What a signature proves »).
"""

from __future__ import annotations

from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ecoute_desktop.domain.anonymised import signed_content


def public_key_hex(seed: bytes) -> str:
    """The public key of a signing seed: 64 hex digits, printed in every export."""
    key = Ed25519PrivateKey.from_private_bytes(seed).public_key()
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def sign(document: dict[str, Any], seed: bytes) -> str:
    """The signature (128 hex digits) of the document as it stands, `signature` aside."""
    return Ed25519PrivateKey.from_private_bytes(seed).sign(signed_content(document)).hex()


def verify(document: dict[str, Any]) -> bool:
    """Whether `signature` is the signature of the rest of the document by `public_key`.

    The caller has checked both are hex of the right length (the JSON Schema does).
    """
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(document["public_key"]))
        key.verify(bytes.fromhex(document["signature"]), signed_content(document))
    except (InvalidSignature, ValueError):  # ValueError: not a point of the curve
        return False
    return True
