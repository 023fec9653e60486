#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's screenshots: every page of the window on the demo cluster, in the light palette
# and in a dark one (Qt's GTK theme with Adwaita:dark), on an Xvfb display.
#
#   scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]   (default build/dev, docs/screenshots)
#
# Needs Xvfb, xdotool, ImageMagick and qt6-gtk-platformtheme (apt-get install xvfb xdotool
# imagemagick qt6-gtk-platformtheme).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/dev}
out=${2:-$root/docs/screenshots}
pages=(overview nodes topology heatmap sriov pods pending allocation) # the navigation's order

shoot() { # SUFFIX, then the environment of the window
    local suffix=$1 display=:77 config
    shift
    config=$(mktemp -d)
    Xvfb $display -screen 0 1500x940x24 >/dev/null 2>&1 &
    local xvfb=$!
    sleep 1
    env DISPLAY=$display XDG_CONFIG_HOME="$config" "$@" "$build/src/app/specula" --demo >/dev/null 2>&1 &
    local app=$!
    sleep 16 # the demo cluster starts, is listed, and Prometheus answers
    for row in "${!pages[@]}"; do
        # Focus the navigation with a click on its first entry, then walk down to the page.
        DISPLAY=$display xdotool mousemove 30 54 click 1
        for _ in $(seq "$row"); do DISPLAY=$display xdotool key Down; done
        sleep 4
        case ${pages[$row]} in
        topology) # a GPU of gpu-h100-0 selected on the map, zoomed in until pod labels show
            DISPLAY=$display xdotool mousemove 750 240 click 1 key plus key plus
            sleep 2 ;;
        sriov) # the first PF, so that its VFs' traffic shows
            DISPLAY=$display xdotool mousemove 200 272 click 1
            sleep 5 ;;
        pods) # a pod with GPUs, found with the filter, so that its charts show
            DISPLAY=$display xdotool mousemove 200 54 click 1 type train-llm-7b-master
            DISPLAY=$display xdotool mousemove 200 100 click 1
            sleep 5 ;;
        esac
        DISPLAY=$display import -window root -crop 1280x800+0+0 +repage "$out/${pages[$row]}$suffix.png"
    done
    kill $app $xvfb
    rm -rf "$config"
}

shoot ""
shoot -dark QT_QPA_PLATFORMTHEME=gtk3 GTK_THEME=Adwaita:dark
