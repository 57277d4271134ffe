#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser test (`make e2e`).
#
# Playwright's Python package only drives this browser (executable_path=/usr/bin/chromium); no
# browser is ever downloaded. Quiet and quick when Chromium is already there. As root, installs the
# Debian package `chromium` with apt-get; otherwise prints the command to run and exits non-zero.
# KURSK_E2E_CHROMIUM names another Chromium binary (the test reads the same variable).
set -euo pipefail

chromium=${KURSK_E2E_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0

# fonts-liberation: Arial/Times-compatible fonts, so screenshots show readable text.
packages=(chromium fonts-liberation)

if [ "$(id -u)" -ne 0 ]; then
    {
        echo "The browser test needs Debian's Chromium ($chromium is missing). Install it with:"
        echo "    sudo apt-get update && sudo apt-get install -y chromium fonts-liberation"
        echo "then run \`make e2e\` again."
    } >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "$chromium is missing and there is no apt-get here: install Chromium, or set" \
         "KURSK_E2E_CHROMIUM to its path." >&2
    exit 1
fi

echo "Installing Debian's ${packages[*]} for the browser test (log kept on failure) ..."
log=$(mktemp)
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q && apt-get install -y -q "${packages[@]}"; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "apt-get failed; full log in $log" >&2
    exit 1
fi
rm -f "$log"
if [ ! -x "$chromium" ]; then
    echo "apt-get installed ${packages[*]}, but $chromium is still missing." >&2
    exit 1
fi
echo "Installed: $("$chromium" --version 2>/dev/null || echo "$chromium")"
