#!/usr/bin/env bash
# scan-log.sh CONSOLE_LOG: fail (exit 1) when the kernel log shows an oops,
# BUG, WARNING, KASAN/KFENCE/UBSAN report, lockdep splat, hung or locked-up
# task, or panic.  Prints the offending lines.
set -euo pipefail

pat='BUG: |WARNING: |Oops|Kernel panic|kernel BUG at|general protection fault'
pat+='|KASAN|KFENCE: |UBSAN: |possible circular locking|possible recursive locking'
pat+='|inconsistent lock state|suspicious RCU usage|DEBUG_LOCKS_WARN_ON|lockdep.*turning off'
pat+='|blocked for more than|soft lockup|hard LOCKUP|Bad page state|list_(add|del) corruption'
pat+='|cut here|Call Trace:'
# KASAN's boot banner is not a report.
if grep -a -n -E "$pat" "$1" | grep -v -E 'KernelAddressSanitizer initialized' > "$1.problems"; then
	echo "kernel log $1 shows problems:"
	head -20 "$1.problems" | sed 's/^/    /'
	exit 1
fi
rm -f "$1.problems"
