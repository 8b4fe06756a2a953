"""Unlocking, locking, the first-run assistant, backups, restore and the passphrase."""
