"""``python -m helpers.press extract|evaluate DIR``."""

from .cli import main

raise SystemExit(main())
