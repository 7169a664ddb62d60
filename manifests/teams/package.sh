#!/usr/bin/env bash
# Builds the Teams app package: manifest.json with this deployment's app id and domain, and the two
# icons, zipped at the root of the archive as Teams requires.
#   manifests/teams/package.sh <app-id> <domain> [out.zip]
# The app id defaults to $Teams__AppId and the domain to $EXECOPS_DOMAIN (a bare host name).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id="${1:-${Teams__AppId:-}}"
domain="${2:-${EXECOPS_DOMAIN:-}}"
out="${3:-$here/execops-teams.zip}"

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
host='^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$'
[[ "$app_id" =~ $guid ]] || { echo "package.sh: the app id must be the bot's Microsoft App ID, a GUID (got '${app_id}')." >&2; exit 2; }
[[ "$domain" =~ $host ]] || { echo "package.sh: the domain must be a bare host name such as bot.example.com, no scheme or path (got '${domain}')." >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Placeholders in the committed manifest keep it valid on its own; they are replaced here, nowhere else.
python3 - "$here/manifest.json" "$work/manifest.json" "$app_id" "$domain" <<'PY'
import json, sys
source, target, app_id, domain = sys.argv[1:]
text = open(source, encoding="utf-8").read()
text = text.replace("00000000-0000-0000-0000-000000000000", app_id).replace("execops.example.com", domain)
json.loads(text)
open(target, "w", encoding="utf-8").write(text)
PY
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$out"
python3 - "$out" "$work" <<'PY'
import sys, zipfile, os
out, work = sys.argv[1:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(os.path.join(work, name), name)
PY
echo "Teams app package: $out (upload it in Teams: Apps → Manage your apps → Upload an app)"
