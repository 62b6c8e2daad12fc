"""The app for an ASGI server run by the operator, e.g. several workers on PostgreSQL:

    export SAYPRO_SERVER_DATABASE_URL=postgresql+psycopg://...
    saypro-server migrate
    gunicorn saypro_server.asgi:app -k uvicorn_worker.UvicornWorker --workers 4 --bind 127.0.0.1:8765

(`saypro-server serve --workers 4` runs that gunicorn command.)
"""

from saypro_server.app import create_app
from saypro_server.request_logging import setup_json_logging

setup_json_logging()
app = create_app()
