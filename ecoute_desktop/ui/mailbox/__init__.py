"""The shared mailbox in the desk: « Relever la boîte », Paramètres › Messagerie, auto pickup."""
