# Guest side of "make demo": the stock kmem flow, with node memory figures.
set -euo pipefail

node_mem() {
	if [ -r /sys/devices/system/node/node1/meminfo ]; then
		grep -E 'MemTotal|MemFree' /sys/devices/system/node/node1/meminfo
	else
		echo "Node 1 has no memory"
	fi
}
say() { printf '\n### %s\n' "$*"; }

say "the emulated NVDIMM"
ndctl list -R
say "make it a device-dax namespace"
ndctl create-namespace -f -e namespace0.0 --mode=devdax
say "node 1 memory before onlining"
node_mem
say "daxctl reconfigure-device --mode=system-ram dax0.0"
daxctl reconfigure-device --mode=system-ram dax0.0
say "node 1 memory after onlining"
node_mem
say "back to devdax: daxctl offline-memory + reconfigure-device --mode=devdax"
daxctl offline-memory dax0.0
daxctl reconfigure-device --mode=devdax dax0.0
node_mem
