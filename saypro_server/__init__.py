"""The SayPro Field Learning sync server (FastAPI + SQLAlchemy)."""

__version__ = "0.1.0"
