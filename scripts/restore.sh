#!/usr/bin/env bash
# Restore a dump from scripts/backup.sh into an EMPTY database and check it.
# Usage: DATABASE_URL=<new database> scripts/restore.sh <file.dump>
# Needs the production environment (FIELD_ENCRYPTION_KEYS with the key the data was written
# with) for the checks: the audit trail's hash chain, and one decrypted melding.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL ontbreekt}"
dump="${1:?Gebruik: scripts/restore.sh <bestand.dump>}"
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
pg_restore --exit-on-error --single-transaction --no-owner --no-privileges \
  --dbname="$DATABASE_URL" "$dump"
"$PY" manage.py migrate --check   # the restored schema matches this release's migrations
"$PY" manage.py verify_audit
"$PY" manage.py verify_encryption
