#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick start, second command: install what is missing, build with warnings as errors, and run
# the whole test suite. Extra arguments go to ctest (e.g. -R kubeconfig).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
specula_install_packages
specula_build dev
cd "$specula_root"
# Tests that need a Secret Service get one: a private D-Bus session with an unlocked keyring.
HOME_FOR_TESTS=$(mktemp -d)
export HOME_FOR_TESTS
trap 'rm -rf "$HOME_FOR_TESTS"' EXIT
dbus-run-session -- bash -c '
    export HOME="$HOME_FOR_TESTS" XDG_DATA_HOME="$HOME_FOR_TESTS/.local/share" XDG_CONFIG_HOME="$HOME_FOR_TESTS/.config"
    echo -n specula-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    ctest --preset dev --parallel 2 "$@"' ctest "$@"
