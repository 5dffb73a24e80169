# Count KTAP/TAP results in a log (KUnit on the console, kselftest on the
# results channel).  Nesting is given by 4-space indentation (KUnit) or "# "
# prefixes (kselftest runner).  Only leaves are counted; a failed parent whose
# children all passed counts as one failure (the program itself failed), and
# results a plan promised but never printed count as failures.
# Output: "pass fail skip".

function depth_of(line,   d) {
	d = 0
	while (1) {
		if (substr(line, 1, 4) == "    ") { line = substr(line, 5); d++ }
		else if (substr(line, 1, 2) == "# ") { line = substr(line, 3); d++ }
		else break
	}
	body = line
	return d
}

function close_level(d) {
	if (d in plan && seen[d] < plan[d]) {
		fail += plan[d] - seen[d]
		printf("ktap: %d result(s) missing (plan %d, seen %d): %s\n",
		       plan[d] - seen[d], plan[d], seen[d], title[d]) > "/dev/stderr"
	}
	delete plan[d]; seen[d] = 0; child[d] = 0; childfail[d] = 0
}

{
	sub(/\r$/, "")
	sub(/^\[ *[0-9]+\.[0-9]+\] /, "")
	d = depth_of($0)
	if (body ~ /^(KTAP|TAP) version [0-9]+/) { close_level(d); started = 1; next }
	if (!started) next
	if (body ~ /^1\.\.[0-9]+/) {
		n = body; sub(/^1\.\./, "", n); sub(/[^0-9].*/, "", n)
		plan[d] = n + 0; seen[d] = 0
		next
	}
	if (body ~ /^(not ok|ok) [0-9]+/) {
		bad = (body ~ /^not ok/)
		sk = (body ~ /# *SKIP/)
		seen[d]++
		if (child[d + 1]) {
			if (bad && !childfail[d + 1]) {
				fail++
				printf("ktap: FAIL %s\n", body) > "/dev/stderr"
			}
			close_level(d + 1)
		} else if (sk) {
			skip++
		} else if (bad) {
			fail++
			printf("ktap: FAIL %s\n", body) > "/dev/stderr"
		} else {
			pass++
		}
		child[d] = 1
		if (bad) childfail[d] = 1
		title[d] = body
	}
}

END {
	for (d = 10; d >= 0; d--) close_level(d)
	printf("%d %d %d\n", pass, fail, skip)
}
