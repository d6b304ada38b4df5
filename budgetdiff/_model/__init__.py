"""
The budget and its parts: money, rounding, codes and the catalog, funds, profile,
projects, other matters, the nine derived tables, findings, structured files.
"""
