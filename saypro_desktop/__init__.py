"""SayPro Field Learning: the offline-first desktop application for SayPro field staff."""

__version__ = "0.1.0"
APP_NAME = "SayPro Field Learning"
#: Directory and file names on disk (no spaces, so paths are easy to type in a terminal).
APP_SLUG = "saypro-field-learning"
ORGANISATION = "SayPro"
