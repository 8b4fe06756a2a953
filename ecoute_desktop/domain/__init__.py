"""Plain-Python domain of Écoute: entities, workflow rules and indicators (no Qt, no SQL)."""
