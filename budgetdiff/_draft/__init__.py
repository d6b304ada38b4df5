"""A `Comparison` into the 情况说明: templates, traced figures, the self-check, Word output."""
