"""Aujourd'hui: what is due today, and the first steps of a new user."""
