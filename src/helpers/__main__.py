"""``python -m helpers`` is the ``dti`` command."""

from .cli import main

raise SystemExit(main())
