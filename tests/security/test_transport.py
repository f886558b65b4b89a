"""Portal addresses and TLS: plain http only to loopback; the OS store plus an extra CA."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import truststore

from desktop.security.transport import (
    BadPortalURL,
    InsecureURL,
    check_portal_url,
    http_client_kwargs,
    ssl_context,
)


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("https://portal.example.gov.vn", "https://portal.example.gov.vn"),
        ("  HTTPS://Portal.Example.gov.vn:443/api/  ", "https://portal.example.gov.vn/api"),
        ("portal.example.gov.vn", "https://portal.example.gov.vn"),
        ("https://portal.example.gov.vn:8443/", "https://portal.example.gov.vn:8443"),
        ("https://portal.example.gov.vn/#frag?token=x", "https://portal.example.gov.vn"),
        ("https://cổngthôngtin.vn", "https://xn--cngthngtin-vbb7982g.vn"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.4.5.6/", "http://127.4.5.6"),
        ("http://localhost", "http://localhost"),
        ("http://LOCALHOST:80/", "http://localhost"),
        ("http://[::1]:8000/portal", "http://[::1]:8000/portal"),
        ("http://[::ffff:127.0.0.1]:8000", "http://[::ffff:127.0.0.1]:8000"),
    ],
)
def test_accepted_addresses(url: str, normalised: str) -> None:
    assert check_portal_url(url) == normalised


@pytest.mark.parametrize(
    "url",
    [
        "http://portal.example.gov.vn",
        "http://portal.example.gov.vn:8080/api",
        "http://10.0.0.5",
        "http://localhost.evil.example",
        "http://127.0.0.1.nip.io",
        "http://[::2]",
        "http://0.0.0.0:8000",
    ],
)
def test_plain_http_off_loopback_is_refused(url: str) -> None:
    with pytest.raises(InsecureURL) as caught:
        check_portal_url(url)
    error = caught.value
    assert error.code == "insecure_url"
    assert "https://" in error.message("vi") and "http://" in error.message("vi")
    assert "refused" in error.message("en")
    assert error.vi in str(error) and error.en in str(error)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "ftp://portal.example.gov.vn",
        "https://phoban:secret@portal.example.gov.vn",
        "https://phoban@portal.example.gov.vn",
        "https://portal.example.gov.vn:99999",
        "https://",
    ],
)
def test_unusable_addresses(url: str) -> None:
    with pytest.raises(BadPortalURL) as caught:
        check_portal_url(url)
    assert not isinstance(caught.value, InsecureURL)
    assert caught.value.vi and caught.value.en
    assert "secret" not in str(caught.value)


def test_client_kwargs() -> None:
    with pytest.raises(InsecureURL):
        http_client_kwargs("http://portal.example.gov.vn")
    kwargs = http_client_kwargs("https://portal.example.gov.vn")
    assert isinstance(kwargs["verify"], ssl.SSLContext)
    assert kwargs["verify"].verify_mode == ssl.CERT_REQUIRED and kwargs["verify"].check_hostname
    assert kwargs["timeout"].connect and kwargs["timeout"].read
    assert kwargs["follow_redirects"] is False
    httpx.Client(base_url=check_portal_url("https://portal.example.gov.vn"), **kwargs).close()


# --- a real TLS server on loopback, signed by a CA that only the extra bundle knows ----------


def make_ca_and_server_cert(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA (ca.pem) and a server certificate for 127.0.0.1/localhost it signed."""
    x509 = pytest.importorskip("cryptography.x509", reason="cryptography makes the test CA")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def name(common: str) -> Any:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("Sở TT&TT test CA"))
        .issuer_name(name("Sở TT&TT test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name("localhost"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([x509.OID_SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    ca_path.write_bytes(ca.public_bytes(pem))
    cert_path.write_bytes(cert.public_bytes(pem))
    key_path.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return ca_path, cert_path, key_path


class Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def tls_portal(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(https URL, CA bundle) of a TLS server on 127.0.0.1 with a certificate from a private CA."""
    ca_path, cert_path, key_path = make_ca_and_server_cert(tmp_path)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_path, key_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hello)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", ca_path
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_extra_ca_bundle_is_trusted(tls_portal: tuple[str, Path]) -> None:
    url, ca = tls_portal
    with httpx.Client(base_url=check_portal_url(url), **http_client_kwargs(url, ca)) as client:
        assert client.get("/").json() == {"ok": True}


def test_unknown_ca_is_refused(tls_portal: tuple[str, Path]) -> None:
    url, _ = tls_portal
    with (
        httpx.Client(base_url=url, **http_client_kwargs(url)) as client,
        pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        client.get("/")


def test_context_is_the_os_trust_store_with_modern_tls() -> None:
    context = ssl_context()
    assert isinstance(context, truststore.SSLContext)
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2


def test_a_missing_extra_bundle_is_an_error_not_ignored(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        ssl_context(tmp_path / "missing.pem")


def test_the_portal_client_trusts_the_os_store_and_the_organisations_ca(
    tls_portal: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sync engine's client uses this context: a private CA works once it is configured."""
    import asyncio

    from desktop.sync.api import PortalClient
    from desktop.sync.errors import Offline

    url, ca = tls_portal

    async def ask() -> object:
        async with PortalClient(url, retries=0) as client:
            status, _headers, body = await client.request("GET", "me", auth=False)
            return status, json.loads(body)

    monkeypatch.delenv("PORTAL_DESK_CA_BUNDLE", raising=False)
    with pytest.raises(Offline):
        asyncio.run(ask())
    monkeypatch.setenv("PORTAL_DESK_CA_BUNDLE", str(ca))
    assert asyncio.run(ask()) == (200, {"ok": True})
