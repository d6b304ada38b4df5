"""Prose into claims, and the claims of a narrative checked against each other."""
