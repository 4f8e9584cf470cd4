#!/usr/bin/env bash
# The cost of the richer rules against the old policy 0509 shapes, as ratios of JMH runs taken close together:
# ROUNDS short JMH runs of RuleLanguageBenchmark (mixes 0509 and rich, 5 and 50 lines, one fork each), each round's
# ratio rich/0509 per size from that round's own two scores, then the median of the rounds' ratios. On a host whose
# speed moves for minutes at a time (measured here: the same code 1.7x slower for several iterations), a ratio of two
# scores taken minutes apart measures the host; two taken within the same half-minute mostly do not.
#   bench/rule-ratio.sh [ROUNDS]          # default 6 rounds, about 1 minute each
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-6}
CP=$(bench/classpath.sh)
OUT=$(mktemp -d)
for round in $(seq 1 "$ROUNDS"); do
    java -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" org.openjdk.jmh.Main RuleLanguageBenchmark \
        -p mix=0509,rich -p lines=5,50 -f 1 -wi 3 -w 2 -i 3 -r 2 -rf csv -rff "$OUT/round-$round.csv" > "$OUT/round-$round.log" 2>&1
    echo "round $round done" >&2
done
python3 - "$OUT" "$ROUNDS" <<'EOF'
import csv, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
ratios = {5: [], 50: []}
print("round  lines  0509 ns/line  rich ns/line  ratio")
for r in range(1, rounds + 1):
    scores = {}
    for row in csv.DictReader(open(f"{out}/round-{r}.csv")):
        scores[(row["Param: mix"], int(row["Param: lines"]))] = float(row["Score"]) / int(row["Param: lines"])
    for lines in (5, 50):
        old, rich = scores[("0509", lines)], scores[("rich", lines)]
        ratios[lines].append(rich / old)
        print(f"{r:5d}  {lines:5d}  {old:12.0f}  {rich:12.0f}  {rich / old:5.2f}")
for lines in (5, 50):
    v = ratios[lines]
    print(f"{lines} lines: median ratio {statistics.median(v):.2f} (min {min(v):.2f}, max {max(v):.2f}, {len(v)} rounds)")
EOF
