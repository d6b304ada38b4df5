"""The ``budgetdiff`` command line and what it prints."""
