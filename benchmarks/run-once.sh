#!/bin/bash
# Times a freshly started `safegate run --once` (JVM start included) over a workspace prepared by
# OnceWorkspace, then removes the workspace. Run from the repository root after
# ./mvnw -B -Pbench -DskipTests package:
#   bash benchmarks/run-once.sh files 2000 256m
#   bash benchmarks/run-once.sh requests 1280000 512m
# A fourth argument times another build's safegate.jar over the same workspace (to compare builds).
set -euo pipefail
kind=$1; count=$2; heap=$3
root=$(pwd)
jar=$(realpath "${4:-$root/gateway/target/safegate.jar}")
workspace=$(mktemp -d /tmp/safegate-once.XXXXXX)
trap 'rm -rf "$workspace"' EXIT
java -cp "$root/benchmarks/target/benchmarks.jar" org.safegate.bench.OnceWorkspace "$workspace" "$kind" "$count"
cd "$workspace"
start=$(date +%s%N)
java "-Xmx$heap" -XX:+UseParallelGC -jar "$jar" run --once > once.log 2>&1
end=$(date +%s%N)
seconds=$(echo "scale=2; ($end - $start) / 1000000000" | bc)
if [ "$kind" = files ]; then
    delivered=$(find work/DOJ/inbox -name '*.p7m' | wc -l)
    echo "run --once: $delivered of $count files delivered in $seconds s = $(echo "$delivered / $seconds" | bc) files/s"
else
    forwarded=$(find work/IRS/inbox -name 'batch.csv.p7m' | wc -l)
    echo "run --once: a request file of $count records forwarded ($forwarded) in $seconds s"
fi
