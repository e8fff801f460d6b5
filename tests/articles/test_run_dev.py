"""scripts/run-dev, what `make run` ends with: the server and the worker, and Ctrl-C stopping both.

The two Django commands are replaced by a stand-in manage.py that behaves as they do
on signals (runserver: Python's defaults; db_worker: its own SIGINT/SIGTERM handler)
and writes down whether the process ended cleanly, atexit handlers run: the embedded
PostgreSQL stops only when its last process runs them.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

STAND_IN = """
import atexit, os, signal, sys, time

command = sys.argv[1]
log = open(os.environ["RUN_DEV_LOG"], "a")


def note(line):
    log.write(line + "\\n")
    log.flush()


atexit.register(note, f"{command} ended cleanly")
if command == "db_worker":  # django_tasks_db's worker handles both signals itself
    signal.signal(signal.SIGINT, lambda *_: sys.exit(0))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
note(f"{command} started")
if os.environ.get("RUN_DEV_CRASH") == command:
    while "db_worker started" not in open(os.environ["RUN_DEV_LOG"]).read():
        time.sleep(0.05)
    sys.exit(3)
try:
    time.sleep(120)
except KeyboardInterrupt:
    sys.exit(0)
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "run-dev", tmp_path / "scripts" / "run-dev")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").symlink_to(sys.executable)
    (tmp_path / "manage.py").write_text(STAND_IN)
    return tmp_path


def start(project, **env):
    log = project / "log"
    log.touch()
    process = subprocess.Popen(
        [str(project / "scripts" / "run-dev")],
        env=os.environ | {"RUN_DEV_LOG": str(log)} | env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, as in a terminal
    )
    return process, log


def wait_for(log, *lines, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(line in log.read_text() for line in lines):
            return
        time.sleep(0.05)
    pytest.fail(f"{lines} not in {log.read_text()!r}")


def test_ctrl_c_stops_the_server_and_the_worker_cleanly(project):
    process, log = start(project)
    try:
        wait_for(log, "db_worker started", "runserver started")
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's process group
        output, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 0, output
    assert "Warboard stopped." in output
    assert "runserver ended cleanly" in log.read_text()
    assert "db_worker ended cleanly" in log.read_text()


def test_a_server_that_cannot_start_stops_the_worker(project):
    process, log = start(project, RUN_DEV_CRASH="runserver")
    try:
        output, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 3, output
    assert "the server or the worker ended (status 3); stopping the other" in output
    wait_for(log, "db_worker ended cleanly")


def test_the_embedded_server_forgets_processes_killed_while_using_it(tmp_path):
    """A worker killed with SIGKILL never leaves pgserver's list; left there, the server would never stop."""
    os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")  # as warboard.dbembedded does before importing pgserver
    from warboard.dbembedded.server import _forget_dead_processes

    killed = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    killed.kill()
    killed.wait()
    handles = tmp_path / ".handle_pids.json"
    handles.write_text(f"[{killed.pid}, {os.getpid()}]")
    _forget_dead_processes(tmp_path)
    assert handles.read_text() == f"[{os.getpid()}]"
