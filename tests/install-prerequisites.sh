#!/usr/bin/env bash
# Installs what the tests need and a fresh machine may lack, from Debian's packages:
# PostgreSQL's server binaries, Chromium (docs site tests), LibreOffice Calc (a second xlsx
# reader), scikit-learn (benchmark reference only, not needed by tests).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$here/.jobmarket"

missing=()
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing: ${missing[*]}" >&2
    apt-get update -qq >"$here/.jobmarket/apt.log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$here/.jobmarket/apt.log" 2>&1 \
      || { tail -20 "$here/.jobmarket/apt.log" >&2; exit 1; }
  else
    echo "missing: ${missing[*]} — install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
