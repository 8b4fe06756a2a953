"""Passphrases: judged as a cracker would, proposed at random, created and changed in one place.

- `strength.judge()`: zxcvbn fed with French knowledge (`dictionaries`), the 80-bit goal,
  the time to crack in French words (`durations`) and the advice.
- `drawing.suggest()`: a fresh phrase of French words drawn with `secrets`.
- `actions.create_database()` and `actions.change_passphrase()`: the only places where a
  passphrase is chosen; the GUI and the command line both call them, the gate inside.
- `recovery_sheet.recovery_sheet_pdf()`: the « fiche de secours » kept at home.
"""
