#!/usr/bin/env bash
# Syntax check of the report page's scripts (src/main/resources/report/*.js): they are inlined into
# compatibility.html, where a syntax error would only show when someone opens the page.
set -euo pipefail
cd "$(dirname "$0")/.."

assets=src/main/resources/report
if ! command -v node >/dev/null; then
    echo "lint-page-assets: node is not installed; install Node.js to check ${assets}/*.js" >&2
    exit 1
fi

shopt -s nullglob
scripts=("${assets}"/*.js)
if [ "${#scripts[@]}" -eq 0 ]; then
    echo "lint-page-assets: no .js files under ${assets}" >&2
    exit 1
fi

failed=0
for script in "${scripts[@]}"; do
    if node --check "${script}"; then
        echo "ok ${script}"
    else
        failed=1
    fi
done
exit "${failed}"
