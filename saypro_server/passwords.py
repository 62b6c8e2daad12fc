"""What makes a password acceptable (NIST SP 800-63B): long enough, not too long to hash, and not
one that a guesser tries early: common and breached-style passwords, keyboard walks, dates, the
person's own names or the organisation's (zxcvbn, which ships its frequency lists, so the check
needs no network). No rules about character classes: length and unguessability are what count.
"""

from __future__ import annotations

from zxcvbn import zxcvbn

MIN_LENGTH = 12
MAX_LENGTH = 256
#: zxcvbn's 0-4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash scenario"
#: (10**8 guesses or more). A password built on the person's or the organisation's names must reach 4
#: (10**10): those words are the first a guesser who knows the person tries.
MIN_SCORE = 3
#: Words a guesser of a SayPro account would try first.
ORGANISATION_WORDS = ("saypro", "sayprofield", "field", "learning", "limpopo", "south", "africa")


class WeakPassword(ValueError):
    """The password is refused; the message says why and how to pick a better one."""


def check_password(password: str, *, username: str = "", display_name: str = "") -> None:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"A password needs at least {MIN_LENGTH} characters; a few unrelated words are "
                           "easy to remember and hard to guess.")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"A password can have at most {MAX_LENGTH} characters.")
    if not password.isprintable() and any(c in password for c in "\x00\r\n"):
        raise WeakPassword("A password cannot contain line breaks or NUL.")
    personal = [part for part in (username, *display_name.split()) if part]
    result = zxcvbn(password[:100], user_inputs=[*personal, *ORGANISATION_WORDS])
    personal_words = any(match.get("dictionary_name") == "user_inputs" for match in result["sequence"])
    if result["score"] < MIN_SCORE or (personal_words and result["score"] < MIN_SCORE + 1):
        if personal_words:
            raise WeakPassword("That password is too easy to guess: it is built on your name or the "
                               "organisation's. Try a few unrelated words.")
        warning = result["feedback"]["warning"] or "It would be guessed too soon."
        raise WeakPassword(f"That password is too easy to guess: {warning.rstrip('.')}. Try a few unrelated words.")
