"""Which servers the app sends a password or a token to, and how.

- https, always, except to this machine itself (loopback: a server started for a test or a
  demonstration). Plain http anywhere else would hand the password and every token to whoever is
  on the path (a café's Wi-Fi, a rogue access point); a lab without certificates can allow it
  explicitly (``--allow-insecure-http``), and the app then says so wherever it shows the server.
- No redirects: a request is never re-sent, with its password or token, to an address the answer
  names. An answer 3xx is an error that says so.
- A token goes only to the server that issued it: the address the profile signed in to.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


class UnsafeServerAddress(ValueError):
    """The address is refused; the message says why and what to do."""


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def checked_server(url: str, *, allow_insecure_http: bool = False) -> str:
    """``url`` as the app keeps it (no trailing slash), or UnsafeServerAddress."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("https", "http") or not parts.hostname:
        raise UnsafeServerAddress(f"'{text[:80]}' is not a server address; it starts with https://, "
                                  "e.g. https://sync.saypro.online")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise UnsafeServerAddress("A server address holds no user name, password, '?' or '#'.")
    if parts.scheme.lower() == "http" and not is_loopback(parts.hostname) and not allow_insecure_http:
        raise UnsafeServerAddress(
            f"{parts.hostname} would be reached over plain http, which sends your password and sign-in in "
            f"clear for anyone on the way to read. Use https://{parts.netloc}{parts.path} (ask your "
            "administrator). A test lab without certificates can allow it with --allow-insecure-http.")
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path.rstrip('/')}"


def is_plain_http(url: str) -> bool:
    """Reached without encryption, and not on this machine (what the app warns about)."""
    parts = urlsplit(url)
    return parts.scheme.lower() == "http" and not is_loopback(parts.hostname or "")


def same_server(first: str, second: str) -> bool:
    return first.strip().rstrip("/").lower() == second.strip().rstrip("/").lower()
