#!/usr/bin/env bash
# Rebuilds the forwarding package in this feed from its nuspec (a nupkg is a zip: nuspec + empty lib folder).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/src/Patched.DistributedLock.Postgres.nuspec" "$work/"
mkdir -p "$work/lib/net8.0" && : > "$work/lib/net8.0/_._"
(cd "$work" && python3 -c "
import zipfile
with zipfile.ZipFile('out.nupkg','w',zipfile.ZIP_DEFLATED) as z:
    z.write('Patched.DistributedLock.Postgres.nuspec')
    z.write('lib/net8.0/_._')
")
mv "$work/out.nupkg" "$here/patched.distributedlock.postgres.1.3.3.nupkg"
echo "wrote $here/patched.distributedlock.postgres.1.3.3.nupkg"
