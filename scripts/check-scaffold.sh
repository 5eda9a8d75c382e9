#!/usr/bin/env bash
# Proves that scripts/new-plugin.sh makes a plugin that passes the tests unchanged: scaffolds
# one into a temporary copy of the repository (the committed files, nothing else), builds it
# there and runs the tests that every plugin must pass (registry, examples, the generated
# plugin reference and schema of reports.yaml). The repository itself is left untouched.
#
#   scripts/check-scaffold.sh
#
# The copy holds the committed tree (HEAD) with this working tree's scripts/, and builds from
# scratch: about four minutes on two cores. `.ci/run` runs it; run it yourself after changing
# the plugin contract, the registry, Package.swift or the scaffold.
set -euo pipefail
cd "$(dirname "$0")/.."

copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
git archive HEAD | tar -x -C "$copy"
cp -R scripts/. "$copy/scripts/"
cd "$copy"

if ! bash scripts/new-plugin.sh ScaffoldCheck scaffold-check > "$copy/scaffold.log" 2>&1; then
    cat "$copy/scaffold.log"
    echo "scaffold: scripts/new-plugin.sh failed" >&2
    exit 1
fi
swift test --filter 'RegistryTests|PluginExampleTests|GeneratedDocsTests|ReportsFileSchemaTests'
echo "scaffold: the new plugin builds, registers and passes its example test"
