#!/usr/bin/env bash
# Profiles a pull and a push of bench/Jsms.IntelBench separately with perf (docs/intelligence.md, "Benchmark"):
#   dotnet build bench/Jsms.IntelBench -c Release
#   bench/Jsms.IntelBench/perf/profile-exchange.sh OUTDIR --objects 50000 --pull-pages 40 --push-objects 20000 --bundle-mb 0 --skip-pages
#   python3 bench/Jsms.IntelBench/perf/stages.py OUTDIR/pull.txt   (and push.txt)
# TieredCompilation is off unless TC=1 is set, so the JIT is settled during the measured parts.
# Samples on the cpu-clock timer, named so every machine samples alike: virtual machines have no hardware counters
# (`perf stat -e instructions true` says "<not supported>"), where perf falls back to cpu-clock anyway.
set -euo pipefail
out=$1; shift
cd "$(dirname "$0")/../../.."
mkdir -p "$out"
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_TieredCompilation=${TC:-0} \
  dotnet bench/Jsms.IntelBench/bin/Release/net10.0/Jsms.IntelBench.dll "$@" > "$out/stdout" 2>&1 &
pid=$!
wait_for() { while ! grep -q "$1" "$out/stdout"; do sleep 0.1; kill -0 $pid 2>/dev/null || { cat "$out/stdout"; exit 1; }; done; }
# The pull starts after the warm-up push's result line and ends with the "pull:" line.
wait_for "warm-up (cold JIT) push: [0-9]"
perf record -e cpu-clock -F 999 -g -p $pid -o "$out/pull.data" > /dev/null 2>&1 & rec=$!
wait_for "^pull:"
kill -INT $rec; wait $rec || true
# The push is measured from "push: seeded, pushing" (after its collection is seeded) to its result line.
wait_for "^push: seeded"
perf record -e cpu-clock -F 999 -g -p $pid -o "$out/push.data" > /dev/null 2>&1 & rec=$!
wait_for "^push: [0-9]"
kill -INT $rec; wait $rec || true
wait $pid
for part in pull push; do
  perf script -i "$out/$part.data" -F comm,tid,ip,sym,dso 2> /dev/null > "$out/$part.txt"
done
grep -E "^pull|^push: [0-9]" "$out/stdout"
