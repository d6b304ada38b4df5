"""A `Disclosure` into the canonical `Budget`, with every choice it made recorded."""
