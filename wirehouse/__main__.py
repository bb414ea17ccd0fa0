"""`python -m wirehouse ...` is the `wirehouse` command."""

import sys

from wirehouse.cli import main

sys.exit(main())
