"""The embedded PostgreSQL leans on two private parts of pgserver; these tests fail when they change.

`warboard/dbembedded/server.py` is the only module that touches them: pgserver's list of
the processes using a server (`.handle_pids.json`, a `DiskList`) and the inter-process lock
that guards it (`PostgresServer._lock`). pgserver has no public call to forget a process
killed with SIGKILL, so an upgrade of pgserver must come with a look at these.
"""

import inspect
import json
import os
import subprocess
import sys
from importlib.metadata import version

from warboard.dbembedded.server import PGSERVER_CHECKED, _forget_dead_processes


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_it_runs_on_the_pgserver_release_its_private_parts_were_checked_against():
    # An upgrade lands here first: check _forget_dead_processes against the new release, then
    # raise PGSERVER_CHECKED.
    assert version("pgserver") == PGSERVER_CHECKED


def test_it_keeps_pgservers_list_of_users_where_pgserver_reads_it():
    from pgserver import postgres_server

    source = inspect.getsource(postgres_server.PostgresServer.__init__)
    assert "'.handle_pids.json'" in source
    assert "DiskList(" in source
    assert hasattr(postgres_server.PostgresServer._lock, "acquire")


def test_it_forgets_processes_that_died_without_leaving(tmp_path):

    handles = tmp_path / ".handle_pids.json"
    handles.write_text(json.dumps([_dead_pid(), os.getpid()]))

    _forget_dead_processes(tmp_path)

    assert json.loads(handles.read_text()) == [os.getpid()]


def test_it_leaves_the_list_alone_when_every_user_is_alive(tmp_path):

    handles = tmp_path / ".handle_pids.json"
    handles.write_text(json.dumps([os.getpid()]))
    before = handles.stat().st_mtime_ns

    _forget_dead_processes(tmp_path)

    assert handles.stat().st_mtime_ns == before
