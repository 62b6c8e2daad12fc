import sys

from saypro_server.cli import main

sys.exit(main())
