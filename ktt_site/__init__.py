"""ktt-site: the collective-economy site generator of a provincial Cooperative Alliance.

The core (models, loading, validation, progress, feeds) has no MkDocs import; the MkDocs
plugin in :mod:`ktt_site.mkdocs_plugin` is a thin adapter around it.
"""

__version__ = "0.1.0"
