"""The project's own plumbing: finding Python, production settings, the embedded database."""

import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


# Variables a test run may have set for itself (the browser tests allow ORM calls beside
# Playwright's event loop), which a production process would never have.
NOT_INHERITED = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run(args, **env):
    full_env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    full_env.update(env)
    return subprocess.run(args, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120)


def test_it_refuses_a_python_older_than_3_12_named_by_the_user():
    old = "/usr/bin/false"
    result = run(["scripts/find-python"], PYTHON=old)
    assert result.returncode == 1
    assert "is not a working Python 3.12 or newer" in result.stderr


def test_it_finds_a_python_3_12_or_newer():
    result = run(["scripts/find-python"], PYTHON=sys.executable)
    assert result.returncode == 0
    found = result.stdout.strip()
    version = subprocess.run(
        [found, "-c", "import sys; print(sys.version_info[:2] >= (3, 12))"], capture_output=True, text=True
    )
    assert version.stdout.strip() == "True"


def test_it_says_what_it_needs_when_no_python_is_found(tmp_path):
    result = subprocess.run(
        ["/bin/bash", str(ROOT / "scripts/find-python")],
        env={"PATH": str(tmp_path), "HOME": str(tmp_path), "PYENV_ROOT": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Warboard needs Python 3.12 or newer" in result.stderr


PRODUCTION = {
    "DATABASE_URL": "postgres://warboard@db.invalid:5432/warboard",
    "SECRET_KEY": "x8!kq2pZ7rT0vLw9sYc3NfHd6JmBa1EuGo5XiQeRtUyWzVnPlKjMhC4",
    "ALLOWED_HOSTS": "warboard.example.org",
    "DEBUG": "0",
    "WARBOARD_HTTPS": "1",
    "WARBOARD_MANIFEST_STATIC": "1",
}


def test_it_passes_the_deployment_checks_with_production_settings():
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_to_run_in_production_without_a_secret_key():
    env = dict(PRODUCTION, SECRET_KEY="")
    result = run([sys.executable, "manage.py", "check"], **env)
    assert result.returncode != 0
    assert "(warboard.E001) SECRET_KEY must be set when DEBUG is off" in result.stderr

    web = run([sys.executable, "-c", "import warboard.wsgi"], **env)
    assert web.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off" in web.stderr


def test_it_refuses_the_development_key_whenever_debug_is_off():
    # Not only behind HTTPS: a plain DEBUG=0 start would otherwise sign sessions with a key in the repository.
    result = run([sys.executable, "manage.py", "check"], DEBUG="0", SECRET_KEY="", WARBOARD_HTTPS="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr
    assert "secrets.token_urlsafe" in result.stderr  # how to make one
    for entry_point in ("warboard.wsgi", "warboard.asgi"):
        web = run([sys.executable, "-c", f"import {entry_point}"], DEBUG="0", SECRET_KEY="", WARBOARD_HTTPS="0")
        assert "SECRET_KEY must be set when DEBUG is off" in web.stderr, entry_point

    development = run([sys.executable, "manage.py", "check"], DEBUG="1", SECRET_KEY="", WARBOARD_HTTPS="0")
    assert development.returncode == 0, development.stderr


def test_it_extracts_without_a_secret_key(tmp_path):
    # `extract` signs nothing and is the scorer's entry point: it runs with no configuration at all.
    article = tmp_path / "article.txt"
    article.write_text("Russian missiles struck Kyiv on Monday, the Ukrainian military said.\n")
    result = run([sys.executable, "manage.py", "extract", str(article)], DEBUG="0", SECRET_KEY="", WARBOARD_HTTPS="0")
    assert result.returncode == 0, result.stderr
    assert '"events"' in result.stdout


def test_it_rejects_a_boolean_setting_it_cannot_read():
    result = run([sys.executable, "manage.py", "check"], DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


@pytest.mark.django_db
def test_it_talks_to_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version_num')::int")
        assert cursor.fetchone()[0] >= 150000


def test_it_serves_static_files_before_collectstatic_without_a_warning(client, settings):
    if settings.STATIC_ROOT.is_dir():
        pytest.skip("collectstatic has filled staticfiles/ here; whitenoise serves that instead")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # whitenoise's "No directory at: .../staticfiles/" fails the test
        response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"/*")


def test_it_has_a_favicon_at_the_root_and_links_it(client, db):
    response = client.get("/favicon.ico")  # anonymous: browsers ask before anyone logs in
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert '<link rel="icon" href="/static/root/favicon.ico"' in client.get("/accounts/login/").content.decode()


def _fake_command(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/bash\n{script}\n")
    path.chmod(0o755)


def test_ci_fails_when_chromium_cannot_be_installed(tmp_path):
    # A PATH with no chromium, an apt-get that fails and no make: the run must stop at the
    # browser check, before anything else.
    for name in ("bash", "dirname"):
        (tmp_path / name).symlink_to(shutil.which(name))
    _fake_command(tmp_path, "id", "echo 0")  # root, so the script tries to install
    _fake_command(tmp_path, "apt-get", "exit 100")
    env = {"PATH": str(tmp_path), "HOME": str(tmp_path)}
    ci = subprocess.run(["bash", ".ci/run"], cwd=ROOT, env=env | {"CI": "true"}, capture_output=True, text=True)
    assert ci.returncode == 1
    assert "ci: could not install chromium" in ci.stdout
    assert "the browser tests must run in CI, so this run fails" in ci.stderr
    assert "make test" not in ci.stdout

    local = subprocess.run(["bash", ".ci/run"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert "the browser tests will be skipped (CI=true makes this an error)" in local.stdout
    assert "ci: make test (embedded PostgreSQL)" in local.stdout  # goes on (and stops here: no make)


def test_a_web_process_freezes_what_it_loaded_before_its_first_request():
    code = (
        "import gc, os; os.environ['SECRET_KEY'] = 'x' * 60; os.environ['DEBUG'] = '1';"
        "import warboard.wsgi, sys;"
        "assert 'dashboard.views' in sys.modules and 'articles.views' in sys.modules;"
        "print(gc.get_freeze_count())"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 50_000  # the views, Django and what they import, out of the collector's way
