#!/usr/bin/env bash
# Builds the Teams app package to upload in Teams (Apps → Manage your apps → Upload an app).
#
#   manifests/teams/package.sh <app-id> <domain> [out.zip]
#
# <app-id>  the bot's Microsoft App ID, a GUID; defaults to $Teams__AppId, the bot's own setting.
# <domain>  the bare host name the bot is served from, e.g. bot.contoso.com; defaults to $EXECOPS_DOMAIN.
# out.zip   defaults to manifests/teams/execops-teams.zip.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
placeholder_id="00000000-0000-0000-0000-000000000000"
placeholder_domain="execops.example.com"

usage() {
  echo "usage: manifests/teams/package.sh <app-id> <domain> [out.zip]" >&2
}

fail() {
  echo "package.sh: $1" >&2
  exit 2
}

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  usage
  exit 0
fi
if (( $# > 3 )); then
  usage
  fail "expected at most 3 arguments, got $#."
fi

app_id="${1:-${Teams__AppId:-}}"
domain="${2:-${EXECOPS_DOMAIN:-}}"
out="${3:-$here/execops-teams.zip}"

[[ -n "$app_id" ]] || fail "no app id: pass it as the first argument or set Teams__AppId."
[[ -n "$domain" ]] || fail "no domain: pass it as the second argument or set EXECOPS_DOMAIN."

[[ "$app_id" =~ ^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$ ]] \
  || fail "the app id must be the bot's Microsoft App ID, a GUID such as 0b6fe6d1-fece-44f7-9a48-56465e2d5ab8 (got '$app_id')."

# The domain is spliced into https:// URLs and validDomains, so anything but a host name would
# produce a manifest Teams rejects, or URLs that point somewhere else.
case "$domain" in
  *://*) fail "the domain must be a bare host name such as bot.contoso.com, without a scheme (got '$domain')." ;;
  */*) fail "the domain must be a bare host name such as bot.contoso.com, without a path (got '$domain')." ;;
esac
label='[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
[[ "$domain" =~ ^$label(\.$label)+$ && ${#domain} -le 253 ]] \
  || fail "the domain must be a bare host name such as bot.contoso.com, letters, digits, hyphens and dots only (got '$domain')."

case "$out" in
  /*) ;;
  *) out="$PWD/$out" ;;
esac
[[ -d "$(dirname "$out")" ]] || fail "the folder for $out does not exist."

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

# Both values were checked above to hold only hex digits, letters, digits, dots and hyphens, so
# they are safe as sed replacements. The placeholders occur only where the values belong: the
# app id in id and bots[0].botId, the domain in validDomains and the URLs.
sed -e "s/$placeholder_id/$app_id/g" -e "s/${placeholder_domain//./\\.}/$domain/g" \
  "$here/manifest.json" >"$staging/manifest.json"
cp "$here/color.png" "$here/outline.png" "$staging/"

# Teams only reads the three files at the root of the archive, so they are added without folders,
# into a fresh archive (zip would otherwise update an existing one in place).
rm -f "$out"
if command -v zip >/dev/null 2>&1; then
  (cd "$staging" && zip -q -X "$out" manifest.json color.png outline.png)
else
  python3 - "$staging" "$out" <<'PY'
import os
import sys
import zipfile

staging, out = sys.argv[1:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
    for name in ("manifest.json", "color.png", "outline.png"):
        archive.write(os.path.join(staging, name), name)
PY
fi

echo "Teams app package: $out"
