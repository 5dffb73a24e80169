#!/usr/bin/env bash
# Show the main job end to end on a fresh emulated NVDIMM.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

step "demo: booting the VM with a fresh 2 GiB NVDIMM on node 1"
"$TOP/scripts/vm.sh" --fresh --out "$BUILD/demo" "$TOP/scripts/demo-guest.sh"
step "demo finished (kernel log: build/demo/console.log)"
