"""The "Kinh tế tập thể" bulletin: issues, articles, category pages and feeds."""
