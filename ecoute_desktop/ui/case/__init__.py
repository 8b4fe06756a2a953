"""One case on its own page: member, appointment, notes, themes, orientation, questionnaire."""
