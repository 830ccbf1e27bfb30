# SPDX-License-Identifier: Apache-2.0
# sysray build. `make` builds build/sysray; `make run` runs the demo; `make test` runs
# every test; `make asan` builds and tests under AddressSanitizer + UBSan; `make install`
# installs under PREFIX (default /usr/local), staged under DESTDIR for packages.

BUILD    ?= build
CC       ?= gcc
CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra -Werror -Wno-unused-parameter
CPPFLAGS += -Isrc -D_GNU_SOURCE -I/usr/include/luajit-2.1
ALL_CFLAGS = -std=gnu11 $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) -MMD -MP
LDLIBS   += -lseccomp -ljson-c -lz -lpthread -lbpf -lelf -lluajit-5.1 -lm -lncursesw -lyaml

SRC_DIRS := src/util src/schema src/output src/source src/source/ptrace src/source/bpf src/trace src/trace/decode \
	    src/trace/encode \
	    src/procfs src/seccomp src/capture src/filter src/state src/fields src/format src/pipeline \
	    src/chisel src/views src/tui src/detect src/cli
SRCS     := $(filter-out %.bpf.c,$(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c)))
OBJS     := $(SRCS:%.c=$(BUILD)/%.o)
LIB_OBJS := $(filter-out $(BUILD)/src/cli/%,$(OBJS))

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/unit/%)
PROG_SRCS := $(wildcard tests/progs/*.c)
PROG_BINS := $(PROG_SRCS:tests/progs/%.c=$(BUILD)/tests/progs/%)
BENCH_SRCS := $(wildcard bench/*.c)
BENCH_BINS := $(BENCH_SRCS:bench/%.c=$(BUILD)/bench/%)

.PHONY: all deps run test unit e2e asan bench clean install uninstall
.PHONY: run-nodeps test-nodeps unit-nodeps e2e-nodeps bench-nodeps

all: $(BUILD)/sysray

# Installs the Debian packages the build and tests need, once per machine.
deps:
	@scripts/install-deps.sh

# The commands a fresh machine starts with install the packages first, then build and run
# in a sub-make: under -j, no compile may start before the libraries' headers are there.
# X-nodeps does X without the package check.
run test unit e2e bench: deps
	@$(MAKE) --no-print-directory $@-nodeps

$(BUILD)/sysray: $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

# The event codes and the event table are generated from one checked-in input; the outputs
# are checked in too, and tests/check-generated.sh (run by `make unit`) checks they are current.
EVENT_TABLE_GEN := src/schema/event_codes.h src/capture/event_table.c
$(EVENT_TABLE_GEN) &: src/schema/event_table.in scripts/gen_event_table.py
	python3 scripts/gen_event_table.py $< $(EVENT_TABLE_GEN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# eBPF programs: vmlinux.h from the running kernel's BTF, each *.bpf.c compiled for the BPF
# target and embedded in a generated skeleton header; all of it lives under $(BUILD)/bpf.
BPF_CLANG  ?= clang
BPF_SRCS   := $(wildcard src/source/bpf/*.bpf.c)
BPF_SKELS  := $(BPF_SRCS:src/source/bpf/%.bpf.c=$(BUILD)/bpf/%.skel.h)
BPF_HOST_OBJS := $(filter $(BUILD)/src/source/bpf/%,$(OBJS)) $(BUILD)/src/cli/capture_cmd.o
CPPFLAGS   += -I$(BUILD)/bpf

$(BUILD)/bpf/vmlinux.h:
	@mkdir -p $(dir $@)
	bpftool btf dump file /sys/kernel/btf/vmlinux format c > $@.tmp && mv $@.tmp $@

$(BUILD)/bpf/%.bpf.o: src/source/bpf/%.bpf.c src/source/bpf/bpf_event.h src/schema/ppm_flags.h \
		    src/schema/ppm_sockopt.h src/schema/event_codes.h src/schema/syscall_nr.h \
		    src/schema/syscalls_x86_64.def src/source/bpf/trace_count_abi.h \
		    $(wildcard src/source/bpf/*.bpf.h) \
		    $(BUILD)/bpf/vmlinux.h
	$(BPF_CLANG) -target bpf -O2 -g -D__TARGET_ARCH_x86 -Wall -Werror \
		-I$(BUILD)/bpf -Isrc -c $< -o $@

$(BUILD)/bpf/%.skel.h: $(BUILD)/bpf/%.bpf.o
	bpftool gen skeleton $< name $(subst .,_,$*)_bpf > $@.tmp && mv $@.tmp $@

$(BPF_HOST_OBJS): $(BPF_SKELS)
.SECONDARY: $(BPF_SKELS:.skel.h=.bpf.o)

$(BUILD)/libsysray.a: $(LIB_OBJS)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/tests/unit/%: tests/unit/%.c $(BUILD)/libsysray.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libsysray.a $(LDLIBS) -lcmocka

# Test programs make known syscalls; they are built without sanitizers or optimisation
# tricks that would change which syscalls they make.
$(BUILD)/tests/progs/%: tests/progs/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O1 -Wall -Wextra -Werror -o $@ $< -lpthread

$(BUILD)/bench/%: bench/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -o $@ $<

run-nodeps: all
	$(BUILD)/sysray demo

unit-nodeps: all $(UNIT_BINS)
	@tests/run-unit.sh $(BUILD)

e2e-nodeps: all $(PROG_BINS)
	@tests/e2e/run.sh $(BUILD)

test-nodeps: all $(UNIT_BINS) $(PROG_BINS)
	@tests/run-all.sh $(BUILD)

asan:
	SYSRAY_SANITIZED=1 $(MAKE) BUILD=build-asan CC=clang \
		EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" test

bench-nodeps: all $(BENCH_BINS)
	bench/run.sh $(BUILD)

# The installed tree: the binary, the bundled chisels, views and rules (everything in the
# chisels/, views/ and rules/ directories), the man page and bash completion.
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
INSTALL ?= install
SHARE_DIRS := chisels views rules
# every file under them (chisels/sysray/ holds the chisels' own Lua modules), and their
# subdirectories deepest first
SHARE_FILES := $(shell find $(SHARE_DIRS) -type f 2>/dev/null | sort)
SHARE_SUBDIRS := $(shell find $(SHARE_DIRS) -mindepth 1 -type d 2>/dev/null | sort -r)

install: $(BUILD)/sysray
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
		$(SHARE_DIRS:%=$(DESTDIR)$(DATADIR)/sysray/%)
	$(INSTALL) -m 0755 $(BUILD)/sysray $(DESTDIR)$(BINDIR)/sysray
	$(foreach f,$(SHARE_FILES),$(INSTALL) -D -m 0644 $(f) $(DESTDIR)$(DATADIR)/sysray/$(f) &&) true
	@# the man page names this installation's data directory
	sed 's|/usr/local/share/sysray|$(DATADIR)/sysray|g' sysray.1 \
		>$(DESTDIR)$(MANDIR)/man1/sysray.1
	chmod 0644 $(DESTDIR)$(MANDIR)/man1/sysray.1
	$(INSTALL) -m 0644 completion/sysray.bash $(DESTDIR)$(BASHCOMPDIR)/sysray

# Removes what install put there; a directory of share/sysray that holds other files stays.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sysray $(DESTDIR)$(MANDIR)/man1/sysray.1 \
		$(DESTDIR)$(BASHCOMPDIR)/sysray
	rm -f $(SHARE_FILES:%=$(DESTDIR)$(DATADIR)/sysray/%)
	rmdir $(addprefix $(DESTDIR)$(DATADIR)/sysray/,$(SHARE_SUBDIRS) $(SHARE_DIRS)) \
		$(DESTDIR)$(DATADIR)/sysray 2>/dev/null || true

clean:
	rm -rf $(BUILD) build-asan build-fuzz

-include $(OBJS:.o=.d)
