"""Paramètres: taxonomy, directory, profile, region, pseudonym and message templates."""
