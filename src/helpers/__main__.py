"""``python -m helpers`` is the ``dti`` command."""

from .build.entry import main

raise SystemExit(main())
