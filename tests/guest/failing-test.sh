# Guest: a test with one broken assertion; the harness must count it.
printf 'TAP version 13\n1..2\n'
echo "ok 1 a passing assertion"
[ 1 -eq 2 ] && echo "ok 2 a broken assertion" || echo "not ok 2 a broken assertion"
