"""An embedded PostgreSQL for machines with no database server.

When DATABASE_URL is not set, settings point Django at this backend. It is the
stock PostgreSQL backend except that the first connection a process makes starts
(or joins) a PostgreSQL server from the pgserver package, with its data in a folder
of the project. Starting lazily matters: commands that never touch the database
(`manage.py extract`) must run with no server at all.
"""
