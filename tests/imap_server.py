"""A real IMAP server for the mailbox tests: Dovecot (Debian's `dovecot-imapd`), unprivileged.

`imap_certificates` (session) makes two self-signed certificates for 127.0.0.1 with
`cryptography`; `dovecot` (per test) starts `dovecot -F` with a configuration of its own
in a temporary folder: IMAPS and STARTTLS listeners on free ports of 127.0.0.1, one user
(`ligne` / `MAILBOX_PASSWORD`), a Maildir filled by `add_message`. Run as root (CI
containers), the server runs as `nobody`; run as a user, as that user. It never binds a
privileged port nor reads the system's configuration. A server that cannot start fails
the test with Dovecot's own log: the tests are never skipped.
"""

from __future__ import annotations

import datetime as dt
import grp
import hashlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from imapclient import IMAPClient

MAILBOX_USER = "ligne"
MAILBOX_PASSWORD = "mot-de-passe-synthetique"  # a test value, never a real account's
START_SECONDS = 20.0  # how long Dovecot may take to listen before the test fails


@dataclass(frozen=True)
class Certificate:
    cert_pem: bytes
    key_pem: bytes
    sha256: str  # of the DER certificate, hex: what Écoute shows and pins


def make_certificate(name: str) -> Certificate:
    """A self-signed certificate for 127.0.0.1 (a different key each call)."""
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=7))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    return Certificate(
        cert.public_bytes(serialization.Encoding.PEM),
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        hashlib.sha256(der).hexdigest(),
    )


def _dovecot_binary() -> str:
    found = shutil.which("dovecot", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    if found is None:
        pytest.fail(
            "Dovecot is not installed: the mailbox tests need a real IMAP server."
            " Install Debian's dovecot-imapd (`make system-deps` does)."
        )
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Dovecot:
    """One Dovecot instance over its own folder; `stop()`/`start()` may be called again."""

    def __init__(self, certificate: Certificate) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="ecoute-dovecot-"))
        self.root.chmod(0o755)
        self.certificate = certificate
        self.imaps_port = _free_port()
        self.starttls_port = _free_port()
        root = os.geteuid() == 0  # Dovecot's login processes refuse to run as root
        runner = pwd.getpwnam("nobody") if root else pwd.getpwuid(os.geteuid())
        self.user = runner.pw_name
        self.uid, self.gid = runner.pw_uid, runner.pw_gid
        self.group = grp.getgrgid(runner.pw_gid).gr_name
        self.maildir = self.root / "home" / MAILBOX_USER / "Maildir"
        for sub in ("cur", "new", "tmp"):
            (self.maildir / sub).mkdir(parents=True)
        self._count = 0
        self.process: subprocess.Popen[bytes] | None = None

    # ---- content ----------------------------------------------------------
    def add_message(self, data: bytes, arrived: dt.datetime) -> None:
        """A message delivered at `arrived` (Maildir: the file's time is its INTERNALDATE)."""
        self._count += 1
        path = self.maildir / "new" / f"{int(arrived.timestamp())}.M{self._count}P1.ecoute"
        path.write_bytes(data.replace(b"\r\n", b"\n"))
        os.utime(path, (arrived.timestamp(), arrived.timestamp()))
        if os.geteuid() == 0:
            os.chown(path, self.uid, self.gid)

    def log_text(self) -> str:
        """What Dovecot logged so far (logins, disconnections)."""
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def maildir_files(self) -> list[str]:
        return sorted(p.name for sub in ("new", "cur") for p in (self.maildir / sub).iterdir())

    # ---- process ----------------------------------------------------------
    def start(self) -> None:
        self._write_configuration()
        self._own()
        log = self.root / "dovecot.log"
        self.process = subprocess.Popen(
            [_dovecot_binary(), "-F", "-c", str(self.root / "dovecot.conf")],
            stdout=subprocess.DEVNULL,
            stderr=open(self.root / "stderr.log", "wb"),  # noqa: SIM115 (kept by the child)
            **self._as_runner(),
        )
        deadline = time.monotonic() + START_SECONDS
        while not self._listening():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                logs = "".join(
                    p.read_text(errors="replace")
                    for p in (log, self.root / "stderr.log")
                    if p.exists()
                )
                pytest.fail(f"Dovecot did not start (test IMAP server):\n{logs}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None

    def replace_certificate(self, certificate: Certificate) -> None:
        """Restart with another certificate on the same ports (a reinstalled Bridge)."""
        self.stop()
        self.certificate = certificate
        self.start()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    # ---- looking at the server as it is -----------------------------------
    def snapshot(self) -> list[tuple[bytes, frozenset[bytes]]]:
        """(Message-ID line, flags) of each message, read-only and by peeking."""
        import ssl

        context = ssl.create_default_context(cadata=self.certificate.cert_pem.decode())
        with IMAPClient("127.0.0.1", port=self.imaps_port, ssl_context=context) as client:
            client.login(MAILBOX_USER, MAILBOX_PASSWORD)
            client.select_folder("INBOX", readonly=True)
            uids = client.search("ALL")
            found = client.fetch(uids, ["FLAGS", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
            return sorted(
                (
                    data[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"].strip(),
                    frozenset(data[b"FLAGS"]) - {b"\\Recent"},
                )
                for data in found.values()
            )

    def _listening(self) -> bool:
        for port in (self.imaps_port, self.starttls_port):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except OSError:
                return False
        return True

    def _as_runner(self) -> dict[str, object]:
        if os.geteuid() != 0:
            return {}
        return {"user": self.uid, "group": self.gid, "extra_groups": []}

    def _own(self) -> None:
        if os.geteuid() != 0:
            return
        for path in [self.root, *self.root.rglob("*")]:
            os.chown(path, self.uid, self.gid, follow_symlinks=False)

    def _write_configuration(self) -> None:
        root = self.root
        (root / "cert.pem").write_bytes(self.certificate.cert_pem)
        (root / "key.pem").write_bytes(self.certificate.key_pem)
        (root / "key.pem").chmod(0o600)
        (root / "passwd").write_text(f"{MAILBOX_USER}:{{PLAIN}}{MAILBOX_PASSWORD}::::::\n")
        for sub in ("run", "state"):
            (root / sub).mkdir(exist_ok=True)
        (root / "dovecot.conf").write_text(
            f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
disable_plaintext_auth = yes
auth_mechanisms = plain
auth_failure_delay = 0
default_internal_user = {self.user}
default_internal_group = {self.group}
default_login_user = {self.user}
mail_fsync = never
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={self.uid} gid={self.gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.starttls_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.imaps_port}
  }}
}}
service anvil {{
  chroot =
}}
"""
        )


@pytest.fixture(scope="session")
def imap_certificates() -> tuple[Certificate, Certificate]:
    """This session's certificates: the server's, and the one that replaces it."""
    return make_certificate("Écoute test IMAP"), make_certificate("Écoute test IMAP (nouveau)")


@pytest.fixture
def dovecot(imap_certificates: tuple[Certificate, Certificate]) -> Iterator[Dovecot]:
    """A Dovecot instance, not started: add messages, then `start()`; stopped at the end."""
    server = Dovecot(imap_certificates[0])
    try:
        yield server
    finally:
        server.remove()
