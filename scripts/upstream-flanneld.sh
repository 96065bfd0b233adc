#!/usr/bin/env bash
# Builds Flannel's own flanneld from the Go module proxy, so that the harness can judge it:
#   bash scripts/upstream-flanneld.sh            -> prints the path of the executable
#   bash scripts/conformance.sh -Dflannel.impl="$(bash scripts/upstream-flanneld.sh)"
# One change to Flannel's source: main.go's import of the tencentvpc backend is dropped, because
# its Tencent Cloud SDK is not served by the module proxy here; that backend is not judged anyway.
# Needs Go >= 1.23 (set FLANNEL_VERSION to choose another release). Cached: a second run is instant.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${FLANNEL_VERSION:-v0.28.10}"
module="github.com/flannel-io/flannel"
out="$PWD/target/upstream-flannel/$version"
binary="$out/flanneld"

if [[ -x "$binary" ]]; then
  echo "$binary"
  exit 0
fi
command -v go >/dev/null || { echo "upstream-flanneld: no 'go' on PATH; install Go 1.23 or newer" >&2; exit 1; }

mkdir -p "$out"
work="$(mktemp -d "$out/src.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

echo "upstream-flanneld: fetching $module@$version" >&2
dir="$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -d "$dir" ]] || { echo "upstream-flanneld: the module proxy did not give $module@$version" >&2; exit 1; }
cp -r "$dir/." "$work/"
chmod -R u+w "$work"
sed -i '\#"github.com/flannel-io/flannel/pkg/backend/tencentvpc"#d' "$work/main.go"

echo "upstream-flanneld: building flanneld $version (a few minutes the first time)" >&2
(cd "$work" && CGO_ENABLED=1 GOFLAGS=-mod=mod go build -trimpath \
   -ldflags "-X github.com/flannel-io/flannel/pkg/version.Version=$version" -o "$binary.tmp" .)
mv "$binary.tmp" "$binary"
echo "$binary"
