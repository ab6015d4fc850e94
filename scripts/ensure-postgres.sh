#!/bin/sh
# Starts the local PostgreSQL cluster for the tests when it is not running, and gives the postgres role
# the password the tests use. Idempotent; installs PostgreSQL only where it is missing. Run as root.
# Prints the DATABASE_URL to use.
set -eu
PASSWORD="${GRADQUIZ_PG_PASSWORD:-gradquiz}"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update && apt-get install -y postgresql
fi
VERSION="$(ls /etc/postgresql | sort -n | tail -1)"
if ! pg_lsclusters --no-header | awk -v v="$VERSION" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start
fi
for _ in 1 2 3 4 5 6 7 8 9 10; do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 0.5
done
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD '$PASSWORD'\""
echo "postgresql://postgres:$PASSWORD@127.0.0.1:5432/postgres"
