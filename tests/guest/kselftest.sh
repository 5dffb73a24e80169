# Guest: run the installed kselftests (all, or the collections/tests named).
set -u
cd /kselftest || { echo "no kselftests installed"; exit 1; }
if [ $# -gt 0 ]; then
	./run_kselftest.sh "$@"
else
	./run_kselftest.sh
fi
