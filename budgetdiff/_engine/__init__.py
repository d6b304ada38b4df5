"""Plugins found and run: the contracts, the registry, compare, check, validate, batches."""
