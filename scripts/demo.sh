#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick start, first command: install what is missing, build, and open Specula on the
# built-in simulated cluster.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
specula_install_packages
specula_build dev
exec "$specula_root/build/dev/src/app/specula" --demo "$@"
