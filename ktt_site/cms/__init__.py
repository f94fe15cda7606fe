"""The form editor (Decap CMS) served at ``/quan-tri/``."""
