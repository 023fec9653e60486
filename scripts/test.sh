#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick start, second command: install what is missing, build with warnings as errors, and run
# the whole test suite. Extra arguments go to ctest (e.g. -R kubeconfig).
# SPECULA_PRESET=asan runs the same suite built with AddressSanitizer and UBSan.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
specula_install_packages
preset=${SPECULA_PRESET:-dev}
specula_build "$preset"
cd "$specula_root"
# Tests that need a Secret Service get one: a private D-Bus session with an unlocked keyring.
HOME_FOR_TESTS=$(mktemp -d)
export HOME_FOR_TESTS SPECULA_PRESET=$preset
trap 'rm -rf "$HOME_FOR_TESTS"' EXIT
dbus-run-session -- bash -c '
    export HOME="$HOME_FOR_TESTS" XDG_DATA_HOME="$HOME_FOR_TESTS/.local/share" XDG_CONFIG_HOME="$HOME_FOR_TESTS/.config"
    echo -n specula-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    ctest --preset "$SPECULA_PRESET" --parallel 2 "$@"' ctest "$@"
