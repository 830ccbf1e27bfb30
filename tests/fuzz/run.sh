#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets of the parsers and runs each for a bounded time:
#   scap_reader  the .scap reader (seeds: every capture and probe of tests/data/scap)
#   filter       the filter language, compiled and run on an event (tests/fuzz/corpus/filter)
#   profile      the seccomp profile parser and writer (tests/fuzz/corpus/profile)
#   chisel_args  a chisel's argument string, split and bound (tests/fuzz/corpus/chisel_args)
#   rules        a Falco rules file, loaded, expanded and compiled (seeds: tests/detect)
# Usage: tests/fuzz/run.sh [SECONDS_EACH] [BUILD_DIR]   (defaults: 60, /tmp/sysray-fuzz)
# The library is built into BUILD_DIR by the Makefile with clang's fuzzer instrumentation,
# ASan and UBSan; new inputs found go to BUILD_DIR/corpus-TARGET, crashes to
# BUILD_DIR/crash-*. Exit status non-zero on a finding.
set -euo pipefail
secs=${1:-60}
out=$(mkdir -p "${2:-/tmp/sysray-fuzz}" && cd "${2:-/tmp/sysray-fuzz}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v clang >/dev/null; then
	echo "fuzz: SKIP: clang is not installed"
	exit 0
fi
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all"
make -C "$root" -s -j2 BUILD="$out" CC=clang \
	EXTRA_CFLAGS="-fsanitize=fuzzer-no-link $sanitize" "$out/libsysray.a"
for target in scap_reader filter profile chisel_args rules; do
	clang -g -O1 -std=gnu11 -fsanitize=fuzzer $sanitize -I"$root/src" -I/usr/include/luajit-2.1 -D_GNU_SOURCE \
		-o "$out/fuzz_$target" "$root/tests/fuzz/fuzz_$target.c" "$out/libsysray.a" \
		-lseccomp -ljson-c -lz -lpthread -lbpf -lelf -lluajit-5.1 -lyaml -lcurl -lm
	mkdir -p "$out/corpus-$target"
done
find "$root/tests/data/scap" -name '*.scap' -exec cp -n {} "$out/corpus-scap_reader/" \;

# fuzz TARGET SEEDS [OPTIONS...]: runs TARGET for SECONDS from its corpus and SEEDS.
fuzz() {
	local target=$1 seeds=$2
	shift 2
	echo "== fuzz $target ($secs s)"
	cd "$out"
	# -rss_limit_mb bounds memory: no parser may allocate what its input does not back.
	"$out/fuzz_$target" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
		-print_final_stats=1 "$@" "$out/corpus-$target" "$seeds" 2>&1 | tail -12
}
fuzz scap_reader "$root/tests/data/scap" -max_len=262144
fuzz filter "$root/tests/fuzz/corpus/filter" -max_len=4096 -dict="$root/tests/fuzz/filter.dict"
fuzz profile "$root/tests/fuzz/corpus/profile" -max_len=16384
fuzz chisel_args "$root/tests/fuzz/corpus/chisel_args" -max_len=1024
fuzz rules "$root/tests/detect" -max_len=8192
