# dax-kmem persistence: the patch series and its build/boot/test harness.
# Entry points: make demo, make check.  See README.md.

SHELL := /bin/bash
.PHONY: all deps tree export kernel initramfs vm demo check soak bench bench-scale bench-locks bench-profile series-check clean \
	ndctl-tree ndctl-export daxctl

all: initramfs

deps:
	@scripts/deps.sh

tree: deps
	@scripts/tree.sh

export:
	@scripts/export.sh

kernel: tree
	@scripts/kernel.sh

initramfs: kernel daxctl
	@scripts/initramfs.sh

vm: initramfs
	@scripts/vm.sh --interactive

demo: initramfs
	@scripts/demo.sh

check: initramfs
	@tests/check.sh

soak: initramfs
	@tests/soak.sh

bench: initramfs
	@bench/bench.sh

bench-scale: initramfs
	@bench/scale.sh

bench-locks: initramfs
	@bench/locks.sh

bench-profile: initramfs
	@bench/profile.sh

series-check: tree
	@scripts/series-check.sh

# The ndctl/daxctl series in ndctl/patches/, against ndctl v81.
ndctl-tree: deps
	@scripts/ndctl-tree.sh

ndctl-export:
	@scripts/ndctl-export.sh

daxctl: ndctl-tree
	@scripts/ndctl-build.sh

clean:
	rm -rf build
