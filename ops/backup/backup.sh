#!/bin/sh
# The compose `backup` service: a custom-format dump (pg_dump -Fc) of the database into
# BACKUP_DIR every BACKUP_INTERVAL_SECONDS, the first one at start; dumps older than
# BACKUP_KEEP_DAYS are deleted. `backup.sh once` takes one dump and exits (before an upgrade).
# Connection from the libpq environment: PGHOST, PGUSER, PGDATABASE, PGPASSWORD.
set -eu

dir="${BACKUP_DIR:-/backups}"
interval="${BACKUP_INTERVAL_SECONDS:-86400}"
keep_days="${BACKUP_KEEP_DAYS:-14}"

dump_once() {
  file="$dir/netra-$(date -u +%Y%m%dT%H%M%SZ).dump"
  # Written under a temporary name and checked as readable by pg_restore before it counts, so a
  # dump cut off halfway (disk full, Postgres restarting) is never mistaken for a backup.
  # (Explicit returns: `set -e` does not apply inside a function called from `||`.)
  pg_dump -Fc --file="$file.partial" || return 1
  pg_restore --list "$file.partial" >/dev/null || return 1
  mv "$file.partial" "$file" || return 1
  echo "backup: wrote $file ($(du -h "$file" | cut -f1))"
  find "$dir" -maxdepth 1 -name 'netra-*.dump' -mmin +"$((keep_days * 1440))" -print -delete | sed 's/^/backup: deleted /'
}

mkdir -p "$dir"
if [ "${1:-}" = once ]; then dump_once; exit; fi
while :; do
  # A failed dump is logged and retried next interval; the service keeps running.
  dump_once || echo "backup: FAILED (see above); next attempt in ${interval}s" >&2
  rm -f "$dir"/*.partial
  sleep "$interval"
done
