"""scripts/run-dev, what `make run` ends with: the server and the worker, and Ctrl-C stopping both.

The two Django commands are replaced by a stand-in manage.py that behaves as they do
on signals (runserver: Python's defaults; db_worker: its own SIGINT/SIGTERM handler)
and writes down whether the process ended cleanly, atexit handlers run: the embedded
PostgreSQL stops only when its last process runs them.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

STAND_IN = """
import atexit, os, signal, socket, sys, time

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
if command == "db_worker":
    open(sys.argv[sys.argv.index("--ready-file") + 1], "w").close()
else:  # runserver 127.0.0.1:PORT
    listening = socket.create_server(("127.0.0.1", int(sys.argv[2].rsplit(":", 1)[1])))
try:
    time.sleep(120)
except KeyboardInterrupt:
    sys.exit(0)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "run-dev", tmp_path / "scripts" / "run-dev")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").symlink_to(sys.executable)
    (tmp_path / "manage.py").write_text(STAND_IN)
    return tmp_path


@pytest.fixture
def start(project):
    """Start scripts/run-dev in its own process group, as in a terminal; whatever is left is killed after."""
    started = []

    def start_run_dev(**env):
        log = project / "log"
        log.touch()
        process = subprocess.Popen(
            [str(project / "scripts" / "run-dev")],
            env=os.environ | {"RUN_DEV_LOG": str(log), "WARBOARD_PORT": str(free_port())} | env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        started.append(process)
        return process, log

    yield start_run_dev
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def wait_for(log, *lines, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(line in log.read_text() for line in lines):
            return
        time.sleep(0.05)
    pytest.fail(f"{lines} not in {log.read_text()!r}")


def wait_for_count(log, line, count, timeout=30):
    """Wait until `line` is logged `count` times (the server may log between the workers' lines)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.read_text().count(line) >= count:
            return
        time.sleep(0.05)
    pytest.fail(f"{line!r} not {count} times in {log.read_text()!r}")


def test_ctrl_c_stops_the_server_and_the_worker_cleanly(start):
    process, log = start()
    wait_for(log, "db_worker started", "runserver started")
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's process group
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert "Warboard stopped." in output
    assert "runserver ended cleanly" in log.read_text()
    assert "db_worker ended cleanly" in log.read_text()


def test_a_server_that_cannot_start_stops_the_worker(start):
    process, log = start(RUN_DEV_CRASH="runserver")
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 3, output
    assert "Warboard: the web server ended (status 3); stopping everything." in output
    wait_for(log, "db_worker ended cleanly")


def read_until(process, text, timeout=30):
    """The output lines up to the one holding `text`."""
    lines = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if text in line:
            return lines
    pytest.fail(f"{text!r} not in {lines!r}")


def test_it_prints_the_login_line_and_the_url_last(start):
    login = "Created user 'analyst' with password s3cret-words  (shown once: note it now)"
    process, log = start(WARBOARD_LOGIN=login)
    lines = read_until(process, "Warboard: http://127.0.0.1:")
    assert lines[-2] == login
    wait_for(log, "db_worker started", "runserver started")
    os.killpg(process.pid, signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    assert output.splitlines() == ["Stopping Warboard…", "Warboard stopped."]


def test_it_starts_another_worker_when_the_worker_is_killed(start):
    process, log = start()
    url_line = read_until(process, "Warboard: http://127.0.0.1:")[-1]
    worker = int(url_line.split("task worker pid ")[1].split(")")[0])
    os.kill(worker, signal.SIGKILL)
    restarted = read_until(process, "starting another")[-1]
    assert restarted == "Warboard: the task worker ended (status 137); starting another (1 of 5 restarts)."
    wait_for_count(log, "db_worker started", 2)  # a second worker, the server still up
    assert "runserver ended" not in log.read_text()
    os.killpg(process.pid, signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert log.read_text().count("db_worker ended cleanly") == 1  # the killed one could not
    assert "runserver ended cleanly" in log.read_text()


def test_a_worker_that_keeps_dying_stops_everything_with_a_message(start):
    process, log = start(RUN_DEV_CRASH="db_worker", WARBOARD_WORKER_RESTARTS="2")
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 3, output
    assert "starting another (1 of 2 restarts)" in output and "starting another (2 of 2 restarts)" in output
    assert "Warboard: the task worker ended (status 3) after 2 restarts; stopping everything." in output
    assert log.read_text().count("db_worker started") == 3
    wait_for(log, "runserver ended cleanly")


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
