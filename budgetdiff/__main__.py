"""``python -m budgetdiff``: the command line."""

from budgetdiff._cli.main import main

raise SystemExit(main())
