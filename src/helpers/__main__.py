"""``python -m helpers`` is the ``dti`` command."""

from .build.cli import main

raise SystemExit(main())
