#!/bin/bash
# Builds the libFuzzer target of the .scap reader and runs it for a bounded time.
# Usage: tests/fuzz/run.sh [SECONDS] [BUILD_DIR]   (defaults: 60, /tmp/sysray-fuzz)
# The seed corpus is every capture and probe of tests/data/scap; new inputs found go to
# BUILD_DIR/corpus, crashes to BUILD_DIR/crash-*. Exit status non-zero on a finding.
set -euo pipefail
secs=${1:-60}
out=${2:-/tmp/sysray-fuzz}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out/corpus"
if ! command -v clang >/dev/null; then
	echo "fuzz: SKIP: clang is not installed"
	exit 0
fi
# The reader and writer only: proc_snapshot.c reads /proc through src/procfs, which the
# target does not need (container_event.c's JSON needs json-c).
reader_srcs=()
for f in "$root"/src/capture/*.c; do
	[ "$(basename "$f")" = proc_snapshot.c ] || reader_srcs+=("$f")
done
clang -g -O1 -std=gnu11 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-I"$root/src" -D_GNU_SOURCE -o "$out/fuzz_scap_reader" \
	"$root/tests/fuzz/fuzz_scap_reader.c" "${reader_srcs[@]}" "$root/src/util/util.c" -lz -ljson-c
find "$root/tests/data/scap" -name '*.scap' -exec cp -n {} "$out/corpus/" \;
cd "$out"
# -rss_limit_mb bounds memory: the reader must not allocate what the input does not back.
"$out/fuzz_scap_reader" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
	-max_len=262144 -print_final_stats=1 "$out/corpus" 2>&1 | tail -25
