#!/usr/bin/env bash
# Migrate the SQLite database, load the demo content, then run web server and task worker.
# Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
ADDR="${DEMO_ADDR:-127.0.0.1:8000}"
# Links in e-mails (WAGTAILADMIN_BASE_URL) name the address the demo really runs at.
export BASE_URL="${BASE_URL:-http://$ADDR}"

# A demo database from before the apps were split by capability (November 2026) cannot be
# migrated: it is set aside and built anew.
DB=var/db.sqlite3
if [ -f "$DB" ] && $PY - "$DB" <<'PYCHECK'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
old = "django_migrations" in tables and db.execute(
    "SELECT 1 FROM django_migrations WHERE app='registration' LIMIT 1"
).fetchone()
sys.exit(0 if old else 1)
PYCHECK
then
  mv "$DB" "$DB.voor-herindeling"
  echo "Oude demodatabase opzij gezet ($DB.voor-herindeling); een nieuwe wordt gemaakt."
fi
$PY manage.py migrate --noinput
$PY manage.py load_demo | tee var/demo-accounts.txt

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "Server en worker stoppen..."
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap cleanup INT TERM EXIT

# Task log to a file, so the console shows the web requests.
$PY manage.py db_worker > var/worker.log 2>&1 &
pids+=($!)
$PY manage.py run_periodic --loop 60 >> var/worker.log 2>&1 &
pids+=($!)
$PY manage.py runserver --noreload "$ADDR" &
pids+=($!)

sleep 2
echo
sed -n '/Demo-accounts/,$p' var/demo-accounts.txt
echo
echo "Veilig Bestuur draait op http://$ADDR/ (beheer: http://$ADDR/admin/)."
echo "Tweestapscode voor beheer- en partneraccounts: .venv/bin/python manage.py demo_totp"
echo "Taakworker draait; log in var/worker.log. Ctrl-C stopt server en worker."
# Stop everything as soon as either process ends.
wait -n "${pids[@]}"
