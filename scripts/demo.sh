#!/usr/bin/env bash
# Show the main job end to end on a fresh emulated NVDIMM: BLK, ext4,
# files written, the VM rebooted, the files found again and verified.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

img=$BUILD/demo.img
step "demo: boot 1 with a fresh 2 GiB NVDIMM on node 1"
"$TOP/scripts/vm.sh" --fresh --image "$img" --out "$BUILD/demo/boot1" "$TOP/scripts/demo-guest.sh"
step "demo: boot 2, the same NVDIMM (a reboot)"
"$TOP/scripts/vm.sh" --image "$img" --out "$BUILD/demo/boot2" "$TOP/scripts/demo-guest-2.sh"
step "demo finished (kernel logs: build/demo/boot{1,2}/console.log)"
