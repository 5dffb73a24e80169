#!/usr/bin/env bash
# Install the Debian packages the harness needs (idempotent).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PKGS=(
	linux-source-6.12 build-essential flex bison bc libelf-dev libssl-dev
	cpio xz-utils ccache git kmod file rsync
	qemu-system-x86
	busybox-static bash ndctl daxctl e2fsprogs util-linux fdisk fio numactl
	sparse python3-docutils python3-sphinx
	meson ninja-build pkg-config libkmod-dev libudev-dev uuid-dev
	libjson-c-dev libkeyutils-dev libiniparser-dev libtracefs-dev
	libtraceevent-dev asciidoctor
	clang-format jq gnuplot-nox kexec-tools linux-perf
)

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
step "installing Debian packages: ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
step "packages installed"
