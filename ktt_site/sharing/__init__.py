"""Sharing a page: its description, Open Graph and Twitter card tags, and the robots file."""
