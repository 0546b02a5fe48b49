"""Helpers of scripts/author-demo-data.py: the hand-authored demo data of Watchfloor."""
