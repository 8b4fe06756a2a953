"""Rapports: monthly and period reports, committee options, questionnaire answers."""
