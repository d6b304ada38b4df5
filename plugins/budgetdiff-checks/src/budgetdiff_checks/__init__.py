"""
budgetdiff's first-party checks of a published disclosure.

Each module holds one family of rules and registers them through the
``register_checks`` hook (one entry point per module, see ``pyproject.toml``):

- `reading`: what the reader could not read cleanly (``read.*``);
- `table_rows`, `table_columns`, `table_notes`: one table's own arithmetic and
  notes (``table.*``);
- `cross_tables`: the same figure wherever it is printed (``tables.*``);
- `codes`: classification codes and their names (``codes.*``);
- `profile`: the staffing statements (``profile.*``);
- `projects`: each project's amount, funding items and performance targets (``project.*``);
- `matters`: 政府采购 and 预算绩效 against the tables (``matters.*``);
- `narrative_claims`: the narrative's claims against each other (``narrative.*`` of
  `budgetdiff.check_claims`);
- `narrative_tables`, `narrative_names`, `narrative_document`: the narrative's
  figures, names, years and statements against the tables (``narrative.*``).

Every comparison of printed figures is rounding-aware (`budgetdiff.plugin.check_sum`,
`fit_percent`, `Interval`): a gap that rounding explains is at most a note, a gap no
rounding explains is an error, and a missing operand yields a note whose rule ends
in ``.not_checked``.
"""

from __future__ import annotations
