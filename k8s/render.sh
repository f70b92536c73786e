#!/usr/bin/env bash
# Renders base, dev and prod with the real Kustomize (kubectl kustomize) into k8s/target/kubectl/, next to what
# the Maven tests rendered with their own Kustomize subset (k8s/target/rendered/). Without kubectl it says so
# and exits 0: the Maven tests (cd k8s && ../mvnw -q -B test) need no kubectl.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v kubectl >/dev/null 2>&1; then
  echo "render.sh: kubectl is not on the PATH; skipped (the Maven tests render the overlays themselves)"
  exit 0
fi

mkdir -p target/kubectl
for kustomization in base overlays/dev overlays/prod; do
  out="target/kubectl/${kustomization//\//-}.yaml"
  kubectl kustomize "$kustomization" > "$out"
  echo "render.sh: $kustomization -> $out ($(grep -c '^kind:' "$out") resources)"
done
