#!/usr/bin/env bash
# Rebuild the renderer the network page embeds, from the versions pinned in
# package-lock.json: src/heroes_kg/outputs/vendor/sigma-graphology.min.js.
# Needs Node.js and npm; run it after changing package.json, and commit the result.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
out=../src/heroes_kg/outputs/vendor/sigma-graphology.min.js
mkdir -p "$(dirname "$out")"
{
  echo "/*! sigma $(node -p 'require("./node_modules/sigma/package.json").version') (MIT, Guillaume Plique, Alexis Jacomy) and graphology $(node -p 'require("./node_modules/graphology/package.json").version') (MIT, Guillaume Plique); bundled for heroes-kg by js/build.sh */"
  node_modules/.bin/esbuild entry.mjs --bundle --minify --format=iife --target=es2019 --legal-comments=none
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"
