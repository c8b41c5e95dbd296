#!/usr/bin/env bash
# Repeats the fresh-machine proof of the README's two commands (run as root):
#   1. a fresh clone of the repository into a temporary folder;
#   2. with --remove-debian-packages: removes the Debian packages the tests once used
#      (chromium, poppler-utils, qpdf, fonts-noto-cjk, tesseract-ocr), so nothing of theirs
#      is left to lean on; reinstall them afterwards with --reinstall (or apt-get install);
#   3. as a non-root user without sudo (created with useradd if missing): `npm install`, then
#      `npm test`, which must stop at once with one sentence per missing tool (where no
#      package was removed, DOSSIER_CHROMIUM=/nonexistent stands in for a missing Chromium);
#   4. as root: `npm install && npm test`, which installs what it must and runs every suite.
# Prints the last lines of each transcript and the test counts; transcripts are kept in
# the temporary folder, whose path is printed.
#
#   sudo bash scripts/fresh-machine-proof.sh [--remove-debian-packages] [--reinstall] [--user NAME]
set -euo pipefail

REMOVE=0
REINSTALL=0
PROOF_USER=dvproof
while [ $# -gt 0 ]; do
  case "$1" in
    --remove-debian-packages) REMOVE=1 ;;
    --reinstall) REINSTALL=1 ;;
    --user) PROOF_USER="$2"; shift ;;
    *) echo "fresh-machine-proof: unknown option $1 (see the header of this script)." >&2; exit 2 ;;
  esac
  shift
done

if [ "$(id -u)" -ne 0 ]; then
  echo "fresh-machine-proof: run it as root (it removes packages and switches users)." >&2
  exit 2
fi

REPO="$(cd "$(dirname "$0")/.." && pwd)"
PACKAGES=(chromium poppler-utils qpdf fonts-noto-cjk tesseract-ocr)
WORK="$(mktemp -d /tmp/dossier-fresh-XXXXXX)"
chmod 755 "$WORK"
echo "fresh-machine-proof: working in $WORK"

if [ "$REMOVE" -eq 1 ]; then
  echo "== removing ${PACKAGES[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "${PACKAGES[@]}" >/dev/null || true
  for p in "${PACKAGES[@]}"; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      echo "fresh-machine-proof: $p is still installed." >&2
      exit 1
    fi
  done
fi

id "$PROOF_USER" >/dev/null 2>&1 || useradd -m -s /bin/bash "$PROOF_USER"
if su "$PROOF_USER" -c 'sudo -n true' >/dev/null 2>&1; then
  echo "fresh-machine-proof: $PROOF_USER can use sudo without a password; pick another --user." >&2
  exit 1
fi

summary() {
  # The closing lines of a transcript and its vitest counts, if any.
  echo "-- last lines of $1:"
  tail -n 12 "$1"
  grep -E '^\s*(Test Files|Tests) ' "$1" | sed 's/\x1b\[[0-9;]*m//g' || true
}

USER_ENV=""
[ "$REMOVE" -eq 1 ] || USER_ENV="DOSSIER_CHROMIUM=/nonexistent"
echo "== as $PROOF_USER (no sudo): fresh clone, npm install, ${USER_ENV:+$USER_ENV }npm test"
git clone -q "$REPO" "$WORK/user-clone"
chown -R "$PROOF_USER" "$WORK/user-clone"
set +e
su "$PROOF_USER" -c "cd '$WORK/user-clone' && npm install --no-audit --no-fund && $USER_ENV npm test" \
  >"$WORK/non-root.log" 2>&1
USER_RC=$?
set -e
echo "exit code $USER_RC"
summary "$WORK/non-root.log"

echo "== as root: fresh clone, npm install && npm test"
git clone -q "$REPO" "$WORK/root-clone"
set +e
(cd "$WORK/root-clone" && npm install --no-audit --no-fund && npm test) >"$WORK/root.log" 2>&1
ROOT_RC=$?
set -e
echo "exit code $ROOT_RC"
summary "$WORK/root.log"

if [ "$REINSTALL" -eq 1 ]; then
  echo "== reinstalling ${PACKAGES[*]} tesseract-ocr-chi-sim"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGES[@]}" tesseract-ocr-chi-sim >/dev/null
fi

echo "== non-root exit $USER_RC (expected non-zero when a tool was missing), root exit $ROOT_RC (expected 0)"
[ "$ROOT_RC" -eq 0 ]
