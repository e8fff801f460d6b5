"""Start, or join, the project's embedded PostgreSQL server (the pgserver package).

The only module that uses pgserver, and the only one that touches its private parts
(`_forget_dead_processes`); tests/warboard/test_dbembedded.py fails when those change.
"""

from __future__ import annotations

import os
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlparse

if TYPE_CHECKING:
    from pgserver import PostgresServer

# The pgserver release whose private parts _forget_dead_processes was checked against.
PGSERVER_CHECKED = "0.1.4"

_lock = threading.Lock()
_servers: dict[Path, PostgresServer] = {}


def socket_dir(pgdata: Path, database: str) -> str:
    """Return the Unix socket folder of a running server on `pgdata`, starting it if needed.

    The server stops when the last process that joined it exits (pgserver's "stop"
    mode), so a test run or `make run` leaves nothing behind.
    """
    pgdata = Path(pgdata).resolve()
    with _lock:
        server = _servers.get(pgdata)
        if server is None:
            # pgserver keeps its lock file in the user's runtime folder; root shells often have none.
            os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    import pgserver
            except ImportError as err:  # pragma: no cover - the lock file installs it
                raise RuntimeError(
                    "DATABASE_URL is not set and the pgserver package is missing: "
                    "run `make install`, or set DATABASE_URL to a PostgreSQL server."
                ) from err
            pgdata.mkdir(parents=True, exist_ok=True)
            _forget_dead_processes(pgdata)
            server = pgserver.get_server(pgdata, cleanup_mode="stop")
            _create_database(server, database)
            _servers[pgdata] = server
    return parse_qs(urlparse(server.get_uri()).query)["host"][0]


def _create_database(server: PostgresServer, database: str) -> None:
    import psycopg

    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{database}"')


def _forget_dead_processes(pgdata: Path) -> None:
    """Drop the processes that died without leaving from pgserver's list of the server's users.

    pgserver stops the server when the last process on its list exits. One killed
    (kill -9, a crash) never takes itself off, and the server would then run forever.
    """
    import psutil
    from pgserver.postgres_server import PostgresServer
    from pgserver.utils import DiskList

    handles = DiskList(pgdata / ".handle_pids.json")
    with PostgresServer._lock:
        pids = handles.get()
        alive = [pid for pid in pids if psutil.pid_exists(pid)]
        if alive != pids:
            handles.put(alive)
