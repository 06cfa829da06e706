"""The HTML dossier: Jinja2 templates, the SVG map and charts."""
