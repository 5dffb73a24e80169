# Shared helpers for the harness scripts: progress lines and errors.
# Sourced, not executed.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
LINUX=${LINUX:-$BUILD/linux}
KBUILD=${KBUILD:-$BUILD/kbuild}

die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# step "message": print a progress line with the time since the script began.
step() {
	printf '[%4ds] %s\n' "$SECONDS" "$*"
}

# kernel_release: the release string of the built kernel (uname -r in the guest).
kernel_release() {
	cat "$KBUILD/include/config/kernel.release"
}
