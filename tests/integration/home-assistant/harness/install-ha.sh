#!/usr/bin/env bash
# Provision a pinned Home Assistant core (PyPI) for the integration tests.
#
# Home Assistant needs Python >= 3.14.2; the machine has 3.11. So this builds a Debian *testing* root
# with debootstrap, installs python3.14 in it and Home Assistant in a venv (/opt/ha), pre-installs the
# requirements of the integrations the tests load (so `hass --skip-pip` starts without network), and
# checks that it starts. The result is cached in $MED_HA_CACHE/<version> (default /var/cache/med-ha);
# a second run only refreshes the CA certificates and pip settings and takes seconds.
#
# Usage (as root): bash tests/integration/home-assistant/harness/install-ha.sh
# Env: MED_HA_CACHE (cache folder), DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
HA_VERSION=$(tr -d '[:space:]' <"$HERE/ha-version")
CACHE=${MED_HA_CACHE:-/var/cache/med-ha}
R="$CACHE/$HA_VERSION"
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# Integrations the tests load (mqtt is set up later through a config flow).
COMPONENTS="homeassistant http api websocket_api onboarding recorder energy mqtt"
LAYOUT=1 # bump when the content of the root changes, to force a rebuild
READY="layout=$LAYOUT version=$HA_VERSION components=$COMPONENTS"
T0=$(date +%s)

log() { printf '[install-ha %4ss] %s\n' "$(($(date +%s) - T0))" "$*"; }
die() { printf 'install-ha: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (it uses debootstrap, chroot and mount)."

# Find-links folders of the host, bound read-only into the root while pip runs ("host:chroot" pairs).
BINDS=()

# Run a command inside the root with a clean environment, in a private mount namespace so /proc,
# /dev and the find-links folders are unmounted by the kernel when the command ends. CHX replaces
# the current (sub)shell, so `CHX … &` gives the pid of the command itself.
CH() { (CHX "$@"); }
CHX() {
  exec unshare --mount --propagation private -- /bin/sh -c '
    set -e; R=$1; shift
    mount -t proc proc "$R/proc"
    mount --rbind /dev "$R/dev"
    while [ "$1" != "--" ]; do
      mkdir -p "$R${1#*:}"; mount --bind -o ro "${1%%:*}" "$R${1#*:}"; shift
    done
    shift
    exec chroot "$R" /usr/bin/env -i "$@"' sh "$R" "${BINDS[@]}" -- \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    ${http_proxy:+http_proxy=$http_proxy} ${https_proxy:+https_proxy=$https_proxy} \
    ${HTTP_PROXY:+HTTP_PROXY=$HTTP_PROXY} ${HTTPS_PROXY:+HTTPS_PROXY=$HTTPS_PROXY} \
    ${no_proxy:+no_proxy=$no_proxy} ${NO_PROXY:+NO_PROXY=$NO_PROXY} "$@"
}

assert_no_mounts() {
  if grep -q " $R/" /proc/mounts; then die "something is still mounted under $R; unmount it first."; fi
}

# CA certificates the host trusts (they can differ between machines): re-copied on every run.
sync_ca_certificates() {
  mkdir -p "$R/usr/local/share/ca-certificates/host" "$R/etc/med-ha"
  rm -f "$R/usr/local/share/ca-certificates/host/"*.crt
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$R/usr/local/share/ca-certificates/host/"
  fi
  cp /etc/ssl/certs/ca-certificates.crt "$R/etc/med-ha/host-ca-bundle.pem"
  if [ -x "$R/usr/sbin/update-ca-certificates" ]; then CH update-ca-certificates >/dev/null; fi
}

# The host's package-index settings (pip config files and PIP_* variables), rewritten for the root:
# certificate files are copied in, local find-links folders are bound in while pip runs.
sync_pip_settings() {
  local settings
  settings=$(python3 -m pip config list 2>/dev/null || true)
  BINDS=()
  {
    echo "# Written by install-ha.sh from the host's pip settings."
    echo "[global]"
    HOST_PIP_SETTINGS="$settings" python3 - "$R" <<'PY'
import os, re, shutil, sys
root = sys.argv[1]
keep = {"index-url", "extra-index-url", "find-links", "trusted-host", "cert", "client-cert", "proxy",
        "timeout", "default-timeout", "retries", "no-index", "only-binary", "prefer-binary",
        "disable-pip-version-check"}
values = {}
for line in os.environ["HOST_PIP_SETTINGS"].splitlines():
    m = re.match(r"^[^.]*\.([a-z-]+)='(.*)'$", line)
    if m and m.group(1) in keep:
        values[m.group(1)] = m.group(2)  # later lines (env) win over files
for key in ("cert", "client-cert"):
    if key in values and os.path.isfile(values[key]):
        target = f"/etc/med-ha/pip-{key}.pem"
        shutil.copyfile(values[key], root + target)
        values[key] = target
if "find-links" in values:
    links = []
    for i, link in enumerate(values["find-links"].split()):
        if os.path.isdir(link):
            target = f"/mnt/med-ha-find-links/{i}"
            print(f"#BIND {link}:{target}")
            links.append(target)
        elif "://" in link:
            links.append(link)
    values["find-links"] = " ".join(links)
for key, value in values.items():
    if value:
        print(f"{key} = {value}")
PY
  } >"$R/etc/pip.conf.new"
  while read -r _ pair; do BINDS+=("$pair"); done < <(grep '^#BIND ' "$R/etc/pip.conf.new")
  grep -v '^#BIND ' "$R/etc/pip.conf.new" >"$R/etc/pip.conf"
  rm -f "$R/etc/pip.conf.new"
}

bootstrap_root() {
  command -v debootstrap >/dev/null || { apt-get -o DPkg::Lock::Timeout=900 update -qq && apt-get -o DPkg::Lock::Timeout=900 install -y -qq debootstrap >/dev/null; }
  assert_no_mounts
  rm -rf "$R"
  mkdir -p "$CACHE"
  log "debootstrap testing into $R"
  debootstrap --variant=minbase testing "$R" "$MIRROR" >"$CACHE/debootstrap-$HA_VERSION.log" 2>&1 ||
    die "debootstrap failed, see $CACHE/debootstrap-$HA_VERSION.log"
  echo 'Acquire::Check-Valid-Until "false";' >"$R/etc/apt/apt.conf.d/99no-check-valid-until"
  apt-config dump | grep -E '^Acquire::(http|https)::Proxy ' >"$R/etc/apt/apt.conf.d/98host-proxy" || true
  cp /etc/resolv.conf "$R/etc/resolv.conf"
  mkdir -p "$R/config"
  touch "$R/.med-ha-debootstrap-done"
}

install_python() {
  log "apt-get install python3.14 in the root"
  CH apt-get update -qq
  CH apt-get install -y -qq --no-install-recommends python3.14 python3.14-venv python3.14-dev \
    build-essential ca-certificates tzdata libturbojpeg0 >/dev/null
  sync_ca_certificates
  touch "$R/.med-ha-python-done"
}

install_home_assistant() {
  log "pip install homeassistant==$HA_VERSION"
  rm -rf "$R/opt/ha" "$R/.med-ha-packages-done"
  CH python3.14 -m venv /opt/ha
  CH /opt/ha/bin/pip install -q --no-cache-dir --upgrade pip
  CH /opt/ha/bin/pip install -q --no-cache-dir "homeassistant==$HA_VERSION"
  log "pip install the requirements of: $COMPONENTS"
  cp "$HERE/collect-requirements.py" "$R/opt/collect-requirements.py"
  # shellcheck disable=SC2086
  CH /opt/ha/bin/python /opt/collect-requirements.py $COMPONENTS >"$R/opt/ha-requirements.txt"
  CH /opt/ha/bin/pip install -q --no-cache-dir -r /opt/ha-requirements.txt \
    -c /opt/ha/lib/python3.14/site-packages/homeassistant/package_constraints.txt
  touch "$R/.med-ha-packages-done"
}

# Start Home Assistant once with --skip-pip and the test configuration: proves nothing is missing
# and leaves the byte-compiled files behind.
warm_up() {
  log "warm-up start with --skip-pip"
  local cfg="$R/opt/ha-warmup"
  rm -rf "$cfg" && mkdir -p "$cfg"
  cat >"$cfg/configuration.yaml" <<'YAML'
homeassistant: {name: warmup, time_zone: Europe/Paris, currency: EUR, country: FR, unit_system: metric,
                latitude: 48.85, longitude: 2.35, elevation: 35}
http: {server_host: 127.0.0.1, server_port: 18123}
api:
websocket_api:
recorder: {commit_interval: 0}
onboarding:
energy:
YAML
  CHX /opt/ha/bin/hass -c /opt/ha-warmup --skip-pip >"$cfg/stdout.log" 2>&1 &
  local pid=$! up=""
  for _ in $(seq 1 240); do
    if curl -s -o /dev/null http://127.0.0.1:18123/api/onboarding; then up=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
  [ -n "$up" ] || { tail -n 40 "$cfg/stdout.log" >&2; die "Home Assistant did not start, log above."; }
  if grep -E 'Setup failed|Unable to install|ModuleNotFoundError|Requirements for .* not found' \
    "$cfg/home-assistant.log" >&2; then
    die "Home Assistant started with missing requirements (lines above)."
  fi
  rm -rf "$cfg"
}

# pytest for the integration's Python unit tests (tests/integration/home-assistant/python), in Home
# Assistant's own venv so they import the same homeassistant and aiohttp; checked on every run.
PYTEST_VERSION=8.4.2
install_pytest() {
  if CH /opt/ha/bin/python -c "import pytest, sys; sys.exit(pytest.__version__ != '$PYTEST_VERSION')" 2>/dev/null; then
    return
  fi
  log "pip install pytest==$PYTEST_VERSION"
  CH /opt/ha/bin/pip install -q --no-cache-dir "pytest==$PYTEST_VERSION"
}

main() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.install.lock"
  flock 9
  if [ -f "$R/.med-ha-ready" ] && [ "$(cat "$R/.med-ha-ready")" = "$READY" ]; then
    sync_ca_certificates
    sync_pip_settings
    install_pytest
    log "Home Assistant $HA_VERSION already provisioned in $R"
    exit 0
  fi
  rm -f "$R/.med-ha-ready"
  [ -f "$R/.med-ha-debootstrap-done" ] || bootstrap_root
  sync_ca_certificates
  [ -f "$R/.med-ha-python-done" ] || install_python
  sync_pip_settings
  [ -f "$R/.med-ha-packages-done" ] || install_home_assistant
  warm_up
  install_pytest
  CH apt-get clean
  echo "$READY" >"$R/.med-ha-ready"
  log "Home Assistant $HA_VERSION ready in $R ($(du -sh "$R" | cut -f1))"
}

main "$@"
