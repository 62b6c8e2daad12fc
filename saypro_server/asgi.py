"""The app for an ASGI server run by the operator, e.g. several workers on PostgreSQL:

    SAYPRO_SERVER_DATABASE_URL=postgresql+psycopg://... saypro-server migrate
    SAYPRO_SERVER_DATABASE_URL=postgresql+psycopg://... uvicorn saypro_server.asgi:app --workers 4 --no-access-log
"""

from saypro_server.app import create_app
from saypro_server.request_logging import setup_json_logging

setup_json_logging()
app = create_app()
