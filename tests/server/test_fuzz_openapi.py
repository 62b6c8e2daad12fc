"""Schemathesis fuzzes every operation in /openapi.json: no 5xx, every answer matches the schema.

The app is built when the module is collected (schemathesis reads the schema to generate one
test per operation); its SQLite database lives in a temporary folder removed at exit.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation

from saypro_core.ids import new_id
from saypro_core.wire import UUID_PATTERN
from saypro_server import admin, security
from saypro_server.app import create_app
from saypro_server.db import make_engine, make_session_factory
from saypro_server.migrate import migrate
from saypro_server.settings import Settings
from tests.server.conftest import PASSWORD

DEVICE_ID = new_id()


def _fuzz_app() -> tuple[FastAPI, str]:
    folder = Path(tempfile.mkdtemp(prefix="saypro-fuzz-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    url = f"sqlite+pysqlite:///{folder / 'server.sqlite'}"
    engine = make_engine(url)
    migrate(engine)
    hasher, security._hasher = security._hasher, PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    try:
        with make_session_factory(engine)() as session:
            admin.create_team(session, "Limpopo")
            admin.create_user(session, "fuzzer", PASSWORD, role="supervisor", team="Limpopo")
        engine.dispose()
        # A day-long token: the fuzzing may start long after this module is imported.
        app = create_app(Settings(database_url=url, data_dir=folder, access_token_minutes=24 * 60))
        login = TestClient(app).post("/api/v1/auth/login", json={
            "username": "fuzzer", "password": PASSWORD, "device_id": DEVICE_ID})
    finally:
        security._hasher = hasher
    return app, login.json()["access_token"]


@schemathesis.serializer("application/offset+octet-stream")
def _raw_bytes(ctx: object, value: object) -> bytes:
    """Attachment chunks are raw bytes (the tus media type)."""
    return value if isinstance(value, bytes) else str(value).encode()


APP, TOKEN = _fuzz_app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_schema_conformance(case: schemathesis.Case) -> None:
    if case.operation.path == "/api/v1/auth/logout":
        pytest.skip("signing the fuzzing device out would end the run")
    if isinstance(case.body, dict) and re.fullmatch(UUID_PATTERN, str(case.body.get("dev"))):
        case.body["dev"] = DEVICE_ID  # a valid id reaches the push and pull code, not only the device check
    # Valid-looking requests may still be refused for reasons a schema cannot state (a device id that
    # is not the signed-in device's, a conflict id that does not exist): those answers are 4xx.
    # Starlette's 405 lists only the methods of the first route matching a path, not of every route on it.
    # A case made invalid in its headers (the Authorization header left out or mangled) is sent as
    # generated: the token added here would make it valid again, and its 200 count as invalid data
    # accepted (an intermittent false failure).
    mangled_headers = case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER)
    case.call_and_validate(headers={} if mangled_headers else {"Authorization": f"Bearer {TOKEN}"},
                           excluded_checks=[schemathesis.checks.positive_data_acceptance,
                                            schemathesis.checks.allow_header_conformance])
