"""The PostgreSQL store: a corpus on a server, shared by a team. The only package that
imports the database driver (psycopg 3, ``pip install 'corpus-search[postgres]'``).

``store.PostgresStore`` implements the ``Store`` protocol; ``schema`` holds the tables and
their versioned migrations, ``compile`` turns the query tree into SQL, ``connection``
connects and maps the driver's errors to the project's, ``address`` reads and masks
addresses and names the local folder for a server corpus's side files.
"""
