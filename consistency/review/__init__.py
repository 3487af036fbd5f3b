"""Editors' review of conflicts: the decisions log (decisions.py) and the local web page (app.py)."""
