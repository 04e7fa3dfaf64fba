#!/usr/bin/env bash
# Back up the database: a compressed custom-format dump that pg_restore can restore whole or in
# part. Usage: scripts/backup.sh <target-folder>   (reads DATABASE_URL)
# Not included, on purpose: the object buckets (their own versioned backup) and the encryption
# keys (FIELD_ENCRYPTION_KEYS, kept in the secret store; see docs/operations.md).
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL ontbreekt}"
target="${1:?Gebruik: scripts/backup.sh <map>}"
mkdir -p "$target"
file="$target/veiligbestuur-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$file.part" "$DATABASE_URL"
mv "$file.part" "$file"   # a dump that is there is complete
echo "$file"
