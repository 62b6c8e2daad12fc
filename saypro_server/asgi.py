"""The app for an ASGI server run by the operator, e.g. several workers on PostgreSQL:

    SAYPRO_SERVER_DATABASE_URL=postgresql+psycopg://... saypro-server migrate
    SAYPRO_SERVER_DATABASE_URL=postgresql+psycopg://... uvicorn saypro_server.asgi:app --workers 4
"""

from saypro_server.app import create_app

app = create_app()
