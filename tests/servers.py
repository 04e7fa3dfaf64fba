"""Real servers for tests: Redis on loopback (a database number of its own per use) and
gunicorn with the production settings against this test's PostgreSQL database."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.home.test_demo import production_env
from tests.smtp import free_port

ROOT = Path(__file__).resolve().parents[1]


def require_redis(url: str) -> None:
    """Skip the test when Redis does not answer at url; fail instead with REQUIRE_REDIS=1 (CI)."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"REQUIRE_REDIS=1 but Redis is unreachable at {url}: {exc}")
        pytest.skip(f"Redis unreachable at {url}: {exc}")


class Gunicorn:
    """gunicorn with `workers` worker processes on a loopback port, production settings, on this
    test's database (commit what it must see: a transactional test). The access log records
    each answer's worker pid, so a test can show which processes answered."""

    def __init__(self, tmp_path: Path, workers: int = 2, **env: str):
        if connection.vendor != "postgresql":
            pytest.skip("the server processes need a shared PostgreSQL test database")
        self.port = free_port()
        self.access_log = tmp_path / "access.log"
        self.error_log = tmp_path / "error.log"
        db = connection.settings_dict
        self.env = {
            **production_env(),
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "ALLOWED_HOSTS": "127.0.0.1",
            "BASE_URL": f"http://127.0.0.1:{self.port}",
            "SECURE_SSL_REDIRECT": "0",
            "FIELD_ENCRYPTION_KEYS": settings.FIELD_ENCRYPTION_KEYS[0],
            "REDIS_URL": "",
            **env,
        }
        self.args = [
            *(sys.executable, "-m", "gunicorn", "veiligbestuur.wsgi:application", "--preload"),
            *("--workers", str(workers), "--bind", f"127.0.0.1:{self.port}"),
            *("--access-logfile", str(self.access_log), "--access-logformat", "%(p)s %(m)s %(U)s"),
            *("--error-logfile", str(self.error_log)),
        ]
        self.process = None

    def __enter__(self) -> Gunicorn:
        self.process = subprocess.Popen(self.args, cwd=ROOT, env=self.env)
        for _ in range(150):
            try:
                if self.request("GET", "/gezond/")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"gunicorn kwam niet op: {self.error_log.read_text()}")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(30)

    def request(self, method: str, path: str, body: str = "", headers=None):
        """(status, headers, text) of one request on a new connection; no redirects followed."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body or None, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.headers, response.read().decode()
        finally:
            conn.close()

    def worker_pids(self, method: str, path: str) -> set[str]:
        """The worker processes that answered method path (from the access log)."""
        lines = self.access_log.read_text().splitlines()
        return {line.split()[0] for line in lines if line.split()[1:] == [method, path]}


def csrf(server: Gunicorn, path: str) -> tuple[str, str]:
    """(Cookie header, form token) from a GET of a form page."""
    status, headers, text = server.request("GET", path)
    assert status == 200, text[:500]
    cookies = " ".join(headers.get_all("Set-Cookie"))
    cookie = re.search(r"csrftoken=([^;]+)", cookies).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
    return f"csrftoken={cookie}", token
