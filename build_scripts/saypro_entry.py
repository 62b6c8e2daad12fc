"""Entry point of the frozen executable (PyInstaller runs this file as ``__main__``)."""

import sys

from saypro_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
