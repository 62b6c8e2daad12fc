"""Limits every side can keep: the one set of numeric bounds the desktop, the server and both
databases agree on.

A number a colleague's record carries travels to every laptop that may see it, and into SQLite and
PostgreSQL on the way. A value one of them cannot hold (SQLite and PostgreSQL integers stop at
2**63 - 1, PostgreSQL's INTEGER at 2**31 - 1, JavaScript's exact integers at 2**53) would make
every later sync of every reader fail, so the domain refuses it where it enters: on the device
that writes it, on the server that receives it, and on the device that pulls it.
"""

from __future__ import annotations

from typing import Final

#: Any whole number in a record's fields that has no narrower rule (an INTEGER column everywhere).
MAX_INT: Final = 2**31 - 1
#: A record's revision and a server revision (INTEGER columns).
MAX_REVISION: Final = MAX_INT
#: A feed position (BIGINT).
MAX_POSITION: Final = 2**63 - 1
#: The version of a competency framework.
MAX_FRAMEWORK_VERSION: Final = 10_000
#: An attachment's size in bytes (the server's own limit, ATTACHMENT_MAX_BYTES, is far lower).
MAX_FILE_BYTES: Final = MAX_INT
#: What JSON carries exactly to every client: the codec refuses larger whole numbers outright.
MAX_JSON_INT: Final = 2**53 - 1
