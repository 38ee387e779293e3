"""The default store: a whoosh index in a folder. The only package that imports whoosh.

``index.WhooshStore`` opens or creates the folder and implements the ``Store`` protocol
(``corpus_search.store``); ``writer`` writes atomic batches, ``searcher`` and ``engine``
answer queries, ``explore`` does trends, similar documents and suggestions, ``check``
verifies and salvages.
"""
