# shellcheck shell=bash
# Installs missing Debian packages. Sourced by the stack, bench and CI scripts.

# apt-get update runs only when something is missing, so an equipped machine starts without network traffic.
ensure_packages() {
    local package missing=()
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    ((${#missing[@]} > 0)) || return 0

    printf '==> installing %s\n' "${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
