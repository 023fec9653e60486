#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing on Debian 12 / Ubuntu (asks for sudo when not root), then configures
# and builds with the given CMake preset (default: dev). Sourced by demo.sh and test.sh.
set -euo pipefail

specula_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

specula_packages=(
    build-essential cmake ninja-build pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    # Qt6Charts' CMake package needs Qt6OpenGL's, which qt6-charts-dev does not pull in.
    libqt6opengl6-dev
    libyaml-cpp-dev qtkeychain-qt6-dev zlib1g-dev openssl
    # Test peers: a real Prometheus, a real Secret Service keychain, a display for screenshots.
    prometheus gnome-keyring dbus dbus-x11 xvfb xauth
)

specula_install_packages() {
    local missing=()
    for package in "${specula_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    # kubectl is the reference client the simulator is tested against; Debian ships it as
    # kubernetes-client when no newer kubectl is installed.
    command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
    if [ ${#missing[@]} -gt 0 ]; then
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo=sudo
        echo "Installing: ${missing[*]}"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

specula_build() {
    local preset=${1:-dev}
    cmake --preset "$preset" -S "$specula_root" >/dev/null
    cmake --build --preset "$preset" --parallel "$(nproc 2>/dev/null || echo 2)"
}
