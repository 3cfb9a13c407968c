#!/bin/sh
# Draws addon/icon.png (128x128) and addon/logo.png (250x100) with ImageMagick 6 and DejaVu Sans
# (Debian: apt-get install imagemagick fonts-dejavu-core). Run from the repository root.
set -eu
IM=/usr/bin/convert
BOLT="polygon 74,14 34,70 60,70 50,114 94,54 67,54 80,14"
$IM -size 128x128 xc:none -fill '#0b5cad' -draw 'roundrectangle 0,0 127,127 24,24' \
  -fill '#ffd43b' -stroke '#f08c00' -strokewidth 3 -draw "$BOLT" \
  -depth 8 -strip -define png:exclude-chunks=date,time addon/icon.png
$IM -size 250x100 xc:none \
  \( addon/icon.png -resize 84x84 \) -geometry +8+8 -composite \
  -font DejaVu-Sans-Bold -pointsize 19 -fill '#0b5cad' -annotate +100+44 'MyElectrical' \
  -font DejaVu-Sans-Bold -pointsize 19 -fill '#f08c00' -annotate +100+68 'Data' \
  -font DejaVu-Sans -pointsize 11 -fill '#495057' -annotate +100+86 'Linky at home' \
  -depth 8 -strip -define png:exclude-chunks=date,time addon/logo.png
