# Guest, after the host damaged the layout: onlining must be refused with
# the message given as $1, the device must stay with device_dax, and the
# kernel must stay healthy (the host checks the log and the media).  KTAP.
D=/sys/bus/dax/devices/dax0.0
n=0
t() {
	n=$((n + 1))
	if out=$(eval "$2" 2>&1); then echo "ok $n $1"; else echo "not ok $n $1"; fi
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/# /'
}
node1_kb() { awk '$3 == "MemTotal:" { print $4 }' /sys/devices/system/node/node1/meminfo 2>/dev/null; }
echo "TAP version 13"
echo "1..5"
t "dax0.0 is there" "[ -e $D ]"
t "system-ram is refused" "! daxctl reconfigure-device --mode=system-ram dax0.0"
t "kmem did not keep the device" "[ \"\$(basename \"\$(readlink $D/driver)\")\" != kmem ]"
t "node 1 gained no memory" '[ "$(node1_kb)" = "" ] || [ "$(node1_kb)" = 0 ]'
t "the kernel says why: $1" "dmesg | grep -F -- \"$1\""
