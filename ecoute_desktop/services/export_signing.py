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
        signature = bytes.fromhex(document["signature"])
    except ValueError:  # not a point of the curve
        return False
    fast = _fast_signed_content(document)
    if fast is not None and _signs(key, signature, fast):
        return True
    try:
        return _signs(key, signature, signed_content(document))
    except ValueError:  # a lone surrogate cannot be written as UTF-8
        return False


def _signs(key: Ed25519PublicKey, signature: bytes, content: bytes) -> bool:
    try:
        key.verify(signature, content)
    except InvalidSignature:
        return False
    return True


def _fast_signed_content(document: dict[str, Any]) -> bytes | None:
    """`signed_content` by orjson (a merge checks 100 files; json.dumps is ~8× slower).

    On a schema-valid export the bytes are the same (strings, bools, null, integers and
    integral floats are written alike); when they might not be, or orjson refuses a
    value, `verify` tries `signed_content` too, so no valid signature is ever missed.
    """
    try:
        import orjson
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        rest = {k: v for k, v in document.items() if k != "signature"}
        return orjson.dumps(rest, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # a lone surrogate, an integer over 64 bits…
        return None
