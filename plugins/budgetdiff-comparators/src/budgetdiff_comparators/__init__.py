"""budgetdiff's first-party comparators; each module is an entry point of ``budgetdiff``."""
