"""``python -m budgetdiff``: the command line."""

from budgetdiff._cli import main

raise SystemExit(main())
