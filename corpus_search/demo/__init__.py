"""The bundled demo: original commentaries by invented think tanks, rendered as a small
website (listing pages, article pages with realistic markup) that ``corpus-search demo``
ingests, and that a crawler can serve on loopback."""
