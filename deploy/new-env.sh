#!/usr/bin/env sh
# Writes deploy/.env for docker-compose.yml with fresh random secrets (never committed: .env
# is git-ignored). Refuses to overwrite an existing one: the database and the bucket were
# created with its passwords.
set -eu
cd "$(dirname "$0")"
if [ -e .env ]; then
  echo "deploy/.env exists already; delete it (and the stack's volumes) to start afresh." >&2
  exit 1
fi
umask 077
# Hex for what goes into URLs; the JWT key is a multi-line PEM in double quotes.
{
  echo "POSTGRES_PASSWORD=$(openssl rand -hex 24)"
  echo "MINIO_ROOT_PASSWORD=$(openssl rand -hex 24)"
  echo "S3_SECRET_ACCESS_KEY=$(openssl rand -hex 24)"
  echo "OIDC_CLIENT_SECRET=$(openssl rand -hex 24)"
  echo "APP_SECRET=$(openssl rand -hex 32)"
  echo "JWT_PRIVATE_KEY=\"$(openssl genpkey -algorithm ed25519)\""
} > .env
echo "Wrote deploy/.env"
