#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian 12 packages sysray needs to build and test, if any are missing.
set -e
PKGS="gcc make clang libclang-rt-14-dev pkg-config libseccomp-dev libcmocka-dev libjson-c-dev strace python3 curl git procps psmisc lsof iproute2 net-tools libbpf-dev bpftool libelf-dev zlib1g-dev sysdig man-db libluajit-5.1-dev libncurses-dev tmux libyaml-dev libcurl4-openssl-dev prometheus openssl"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "install-deps: missing packages:$missing (run as root, or install them)" >&2
	exit 1
fi
echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || true
apt-get install -y -qq --no-install-recommends $missing >/dev/null
