#!/usr/bin/env bash
# Audit the dossier and the brief with Lighthouse (npm `lighthouse`) in the Debian Chromium,
# served by `python -m http.server` on 127.0.0.1 (Lighthouse audits pages over http). Run
# from the repository root, with `newtowns` installed:
#
#   bash scripts/lighthouse.sh            # prints each page's four category scores
#
# Needs node and npm (it installs lighthouse@12.8.2 into a temporary folder when `lighthouse`
# is not on PATH) and chromium. Writes the JSON reports to ${OUT:-/tmp/newtowns-lighthouse}.
set -euo pipefail

out="${OUT:-/tmp/newtowns-lighthouse}"
mkdir -p "$out/site"
newtowns report -o "$out/site/dossier.html" --force
newtowns report --brief -o "$out/site/brief.html" --force

lighthouse="$(command -v lighthouse || true)"
if [ -z "$lighthouse" ]; then
  npm install --silent --no-audit --no-fund --prefix "$out/npm" lighthouse@12.8.2 >&2
  lighthouse="$out/npm/node_modules/.bin/lighthouse"
fi
chrome="${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}"

port="${PORT:-8765}"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out/site" >/dev/null 2>&1 &
server=$!
trap 'kill "$server"' EXIT
sleep 1

flags="--headless=new --no-sandbox --disable-gpu"
for page in dossier brief; do
  CHROME_PATH="$chrome" "$lighthouse" "http://127.0.0.1:$port/$page.html" \
    --quiet --output=json --output-path="$out/$page.json" --chrome-flags="$flags" \
    --only-categories=performance,accessibility,best-practices,seo
  python3 - "$out/$page.json" "$page" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
scores = {c["title"]: round(c["score"] * 100) for c in report["categories"].values()}
failed = [a["id"] for a in report["audits"].values()
          if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
print(f"{sys.argv[2]}: lighthouse {report['lighthouseVersion']}: "
      + ", ".join(f"{k} {v}" for k, v in scores.items())
      + (f"; failing: {', '.join(sorted(failed))}" if failed else ""))
PY
done
