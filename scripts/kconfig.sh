#!/usr/bin/env bash
# Generate build/kbuild/.config = tinyconfig + config/kernel.config and
# verify that every option the fragment asks for is really set.
# KCONFIG_FRAGMENT names another fragment (the benchmark kernel's).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

FRAG=${KCONFIG_FRAGMENT:-$TOP/config/kernel.config}
mkdir -p "$KBUILD"
step "configuring: tinyconfig + ${FRAG#"$TOP"/}"
make -s -C "$LINUX" O="$KBUILD" tinyconfig >/dev/null
(cd "$KBUILD" && "$LINUX/scripts/kconfig/merge_config.sh" -m -O . .config "$FRAG" >/dev/null)
make -s -C "$LINUX" O="$KBUILD" olddefconfig >/dev/null

# The per-prefix builds of series-check configure trees that lack options
# added later in the series.
[ "${KCONFIG_NO_VERIFY:-0}" = 1 ] && exit 0

bad=0
while IFS= read -r line; do
	case "$line" in CONFIG_*=*) ;; *) continue ;; esac
	opt=${line%%=*} val=${line#*=}
	if [ "$val" = n ]; then
		grep -qx "$opt=.*" "$KBUILD/.config" && { echo "  $opt: asked n, got $(grep -x "$opt=.*" "$KBUILD/.config")"; bad=1; }
	else
		grep -qx "$line" "$KBUILD/.config" || {
			echo "  $opt: asked $val, got $(grep -x "$opt=.*" "$KBUILD/.config" || echo 'not set (unmet dependency?)')"
			bad=1
		}
	fi
done < "$FRAG"
[ $bad -eq 0 ] || die "kernel config does not provide what ${FRAG#"$TOP"/} asks for (see above)"
step "config verified: every option in ${FRAG#"$TOP"/} is set"
