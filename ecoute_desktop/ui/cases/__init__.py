"""Sollicitations: the list of every case, and importing cases from a spreadsheet."""
