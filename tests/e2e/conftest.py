"""The end-to-end tests use the same real server process as the integration tests."""

from tests.integration.conftest import served  # noqa: F401 - a fixture, found by name
