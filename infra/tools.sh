#!/usr/bin/env bash
# Installs the machine tools the documents and notifications need, once: Debian `chromium` (the one HTML→PDF
# renderer of the system, driven by PuppeteerSharp; never a downloaded browser) and `poppler-utils` (pdftotext, with
# which the tests read the PDFs back). Called by run.sh and test.sh; safe to run twice.
set -euo pipefail
WAAS_LOG_TAG="${WAAS_LOG_TAG:-tools}"
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

missing=()
have chromium || missing+=(chromium)
have pdftotext || missing+=(poppler-utils)
((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) == 0 ]] && have apt-get; then
  log "installing ${missing[*]} (PDF rendering and reading)"
  DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 update >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 install -y --no-install-recommends \
      "${missing[@]}" fonts-dejavu-core >/tmp/waas-apt-tools.log 2>&1 ||
    { tail -n 20 /tmp/waas-apt-tools.log >&2; die "apt-get install ${missing[*]} failed"; }
else
  die "missing ${missing[*]}: documents are rendered to PDF by Debian's chromium and read back by pdftotext; as root: apt-get install chromium poppler-utils"
fi
