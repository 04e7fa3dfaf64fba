"""Settings split: production reads the environment, refuses a missing secret, passes
check --deploy; the test settings fall back to SQLite only when allowed."""

import os
import subprocess
import sys
from pathlib import Path

import veiligbestuur

from tests.home.test_demo import production_env

ROOT = Path(__file__).resolve().parents[2]


def run(args, env, timeout=120):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_site_folder_is_the_veiligbestuur_package():
    assert Path(veiligbestuur.__file__).resolve().parent == ROOT / "site"


def test_check_deploy_is_clean_with_example_environment():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_production_reads_environment():
    env = {**production_env(), "ALLOWED_HOSTS": "a.example.nl, b.example.nl"}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.ALLOWED_HOSTS, s.DATABASES['default']['HOST'], s.WAGTAILADMIN_BASE_URL, "
        "s.CACHES['default']['BACKEND'], s.EMAIL_HOST, s.DEBUG)"
    )
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "['a.example.nl',",
        "'b.example.nl']",
        "db.example.nl",
        "https://veiligbestuur.example.nl",
        "django_prometheus.cache.backends.redis.RedisCache",  # django-redis, counted for /metrics
        "smtp.example.nl",
        "False",
    ]


def settings_env(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REQUIRE_POSTGRES")}
    env["DJANGO_SETTINGS_MODULE"] = "veiligbestuur.settings.test"
    env.update(overrides)
    return env


UNREACHABLE = "postgres://postgres@127.0.0.1:9/nergens"
PRINT_ENGINE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'])"
)


def test_unreachable_postgres_falls_back_to_sqlite_with_warning():
    result = run(["-c", PRINT_ENGINE], settings_env(DATABASE_URL=UNREACHABLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"
    assert "WAARSCHUWING: PostgreSQL niet bereikbaar" in result.stderr


def test_require_postgres_makes_unreachable_postgres_an_error():
    env = settings_env(DATABASE_URL=UNREACHABLE, REQUIRE_POSTGRES="1")
    result = run(["-c", PRINT_ENGINE], env)
    assert result.returncode != 0
    assert "REQUIRE_POSTGRES=1 but PostgreSQL is unreachable" in result.stderr
