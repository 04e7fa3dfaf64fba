#!/usr/bin/env bash
# Run the whole test suite. PostgreSQL at DATABASE_URL when reachable, else SQLite with a
# warning (see site/settings/test.py); REQUIRE_POSTGRES=1 makes an unreachable PostgreSQL fatal.
set -euo pipefail
cd "$(dirname "$0")/.."
set +e
# One test process per core (pytest-xdist; each has its own test database); TEST_WORKERS=0 runs
# everything in this process.
.venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" --dist worksteal "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "FOUT: er zijn geen tests uitgevoerd." >&2
  exit 1
fi
exit "$rc"
