"""``python -m saypro_desktop`` and the ``saypro-desktop`` console script."""

import sys

from saypro_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
