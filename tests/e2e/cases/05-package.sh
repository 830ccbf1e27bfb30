# SPDX-License-Identifier: Apache-2.0
# (package) What a distribution ships: the version, `make install` under PREFIX and DESTDIR
# and `make uninstall`, the man page, and the SPDX licence line of every source file.

PKG_ROOT=$(cd "$E2E_DIR/../.." && pwd)
PKG_VERSION=$(sed -n 's/^#define SYSRAY_VERSION "\(.*\)"$/\1/p' "$PKG_ROOT/src/util/version.h")

# sysray --version and -V say "sysray VERSION"; trace -V keeps strace's form.
t_pkg_version() {
	local strace_form="sysray trace -- version $PKG_VERSION (strace 6.1 compatible)"
	[ -n "$PKG_VERSION" ] || { echo "no SYSRAY_VERSION in src/util/version.h"; return 1; }
	[ "$("$SYSRAY" --version)" = "sysray $PKG_VERSION" ] &&
	[ "$("$SYSRAY" -V)" = "sysray $PKG_VERSION" ] &&
	[ "$("$SYSRAY" trace -V)" = "$strace_form" ] || {
		echo "got: $("$SYSRAY" --version) / $("$SYSRAY" -V) / $("$SYSRAY" trace -V)"
		return 1
	}
}

# make install DESTDIR=D PREFIX=/usr lays out exactly the files a package ships, the man page
# names /usr/share/sysray; make uninstall takes them all away again.
t_pkg_install() {
	local d=$WORK/package/destdir build_rel want got f
	build_rel=$(realpath --relative-to="$PKG_ROOT" "$(dirname "$SYSRAY")")
	rm -rf "$d"
	make -s -C "$PKG_ROOT" BUILD="$build_rel" DESTDIR="$d" PREFIX=/usr install >/dev/null ||
		{ echo "make install failed"; return 1; }
	want=$( {
		printf '%s\n' usr/bin/sysray usr/share/man/man1/sysray.1 \
			usr/share/bash-completion/completions/sysray
		(cd "$PKG_ROOT" && find chisels views rules -type f) | sed 's|^|usr/share/sysray/|'
	} | sort)
	got=$(cd "$d" && find . -type f | sed 's|^\./||' | sort)
	[ "$got" = "$want" ] || { echo "installed: $got"; return 1; }
	[ -x "$d/usr/bin/sysray" ] &&
	[ "$("$d/usr/bin/sysray" --version)" = "sysray $PKG_VERSION" ] ||
		{ echo "the installed binary does not run"; return 1; }
	# the installed binary finds the installed chisels (and their modules), with no source
	# tree around
	(cd / && "$d/usr/bin/sysray" -cl | grep -q '^flows ') ||
		{ echo "the installed sysray does not list its own chisels"; return 1; }
	grep -q '^\.I /usr/share/sysray/chisels/' "$d/usr/share/man/man1/sysray.1" ||
		{ echo "the man page does not name /usr/share/sysray"; return 1; }
	bash -n "$d/usr/share/bash-completion/completions/sysray" ||
		{ echo "the bash completion does not parse"; return 1; }
	make -s -C "$PKG_ROOT" BUILD="$build_rel" DESTDIR="$d" PREFIX=/usr uninstall >/dev/null ||
		{ echo "make uninstall failed"; return 1; }
	got=$(cd "$d" && find . -type f)
	[ -z "$got" ] && [ ! -e "$d/usr/share/sysray" ] ||
		{ echo "left after uninstall: $got"; return 1; }
}

# sysray.1 renders without a warning and has a section for every subcommand.
t_pkg_man() {
	local warn cmd page
	warn=$(MANWIDTH=80 man --warnings -l "$PKG_ROOT/sysray.1" 2>&1 >/dev/null)
	[ -z "$warn" ] || { echo "man warns: $warn"; return 1; }
	page=$(MANWIDTH=80 man -l "$PKG_ROOT/sysray.1" 2>/dev/null)
	for cmd in trace capture scap-dump ps pstree lsof netstat ss env proc seccomp demo; do
		grep -q "^ *sysray .*\b$cmd\b" <<<"$page" ||
			{ echo "no section for $cmd"; return 1; }
	done
}

# pkg_tree_sum DIR: the checksums of the files under DIR, outside .git.
pkg_tree_sum() {
	(cd "$1" && find . -path ./.git -prune -o -type f -exec md5sum {} + | sort)
}

# scripts/spdx-headers.sh on a small tree: the eBPF program and the headers it includes get
# GPL-2.0-only OR MIT, the rest Apache-2.0; an old SPDX line is rewritten, a shebang stays
# first; a second run changes nothing and --check then passes.
t_pkg_spdx_script() {
	local t=$WORK/package/spdx sum
	rm -rf "$t"
	mkdir -p "$t/src/source/bpf" "$t/src/schema" "$t/src/util" "$t/tests/cases" "$t/scripts"
	printf '#include "vmlinux.h"\n#include "source/bpf/ev.bpf.h"\nint x;\n' \
		>"$t/src/source/bpf/prog.bpf.c"
	printf '#include "schema/flags.h"\n' >"$t/src/source/bpf/ev.bpf.h"
	printf '#define F 1\n' >"$t/src/schema/flags.h"
	printf '// SPDX-License-Identifier: GPL-2.0\nint y;\n' >"$t/src/util/a.c"
	printf '#include "schema/flags.h"\n' >"$t/src/util/a.h"
	printf '#!/bin/sh\necho hi\n' >"$t/scripts/run.sh"
	printf '# a case\n' >"$t/tests/cases/10-x.sh"
	: >"$t/tests/cases/20-empty.sh"
	printf 'not source\n' >"$t/notes.txt"
	(cd "$t" && git init -q && git add -A) || return 1
	"$PKG_ROOT/scripts/spdx-headers.sh" "$t" || return 1
	local c_dual='/* SPDX-License-Identifier: GPL-2.0-only OR MIT */'
	local c_apache='/* SPDX-License-Identifier: Apache-2.0 */'
	local sh_apache='# SPDX-License-Identifier: Apache-2.0'
	[ "$(head -1 "$t/src/source/bpf/prog.bpf.c")" = "$c_dual" ] &&
	[ "$(head -1 "$t/src/source/bpf/ev.bpf.h")" = "$c_dual" ] &&
	[ "$(head -1 "$t/src/schema/flags.h")" = "$c_dual" ] &&
	[ "$(cat "$t/src/util/a.c")" = "$c_apache"$'\n''int y;' ] &&
	[ "$(head -1 "$t/src/util/a.h")" = "$c_apache" ] &&
	[ "$(cat "$t/scripts/run.sh")" = $'#!/bin/sh\n'"$sh_apache"$'\necho hi' ] &&
	[ "$(cat "$t/tests/cases/10-x.sh")" = "$sh_apache"$'\n# a case' ] &&
	[ "$(cat "$t/tests/cases/20-empty.sh")" = "$sh_apache" ] &&
	[ "$(cat "$t/notes.txt")" = "not source" ] ||
		{ echo "labelled wrongly: $(head -n2 "$t"/src/*/*.[ch] "$t"/src/*/*/*.[ch])"
		  return 1; }
	sum=$(pkg_tree_sum "$t")
	"$PKG_ROOT/scripts/spdx-headers.sh" "$t" && [ "$(pkg_tree_sum "$t")" = "$sum" ] ||
		{ echo "a second run changed files"; return 1; }
	"$PKG_ROOT/scripts/spdx-headers.sh" --check "$t" ||
		{ echo "--check fails after a run"; return 1; }
}

# Every source file of the repository has its SPDX line.
t_pkg_spdx() {
	local out
	out=$("$PKG_ROOT/scripts/spdx-headers.sh" --check "$PKG_ROOT" 2>&1) ||
		{ echo "$(grep -c want <<<"$out") files: $(head -3 <<<"$out")"; return 1; }
}

if selected package; then
	mkdir -p "$WORK/package"
	expect package-version "sysray --version and -V print 'sysray VERSION'" t_pkg_version
	expect package-install "make install DESTDIR=... PREFIX=/usr; make uninstall" t_pkg_install
	if command -v man >/dev/null; then
		expect package-man "sysray.1 renders without warnings, every subcommand" t_pkg_man
	else
		skip package-man "man (man-db) is not installed"
	fi
	expect package-spdx-script "scripts/spdx-headers.sh labels, idempotent" t_pkg_spdx_script
	expect package-spdx "every source file has its SPDX line" t_pkg_spdx
fi
