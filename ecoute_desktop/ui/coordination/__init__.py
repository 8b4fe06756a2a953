"""Coordination and the anonymised export: what leaves the laptop, what the coordinator merges."""
