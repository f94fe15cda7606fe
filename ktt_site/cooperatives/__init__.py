"""Cooperatives (HTX), cooperative groups (THT) and unions: profiles, directory, open data."""
