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
#
#   scripts/check-scaffold.sh --in-place
#
# scaffolds into this working tree instead, which must be clean (nothing to commit), and puts
# it back as it was on exit (`git checkout` and `git clean`, which leaves ignored files such as
# `.build/` alone). The build is then incremental: CI, on a fresh clone that has just been
# built, saves the build from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--in-place" ]; then
    if [ -n "$(git status --porcelain)" ]; then
        echo "scaffold: --in-place needs a clean working tree; commit or stash first, or run without --in-place" >&2
        exit 2
    fi
    log="$(mktemp)"
    trap 'git checkout -q -- . && git clean -fdq; rm -f "$log"' EXIT
else
    copy="$(mktemp -d)"
    trap 'rm -rf "$copy"' EXIT
    git archive HEAD | tar -x -C "$copy"
    cp -R scripts/. "$copy/scripts/"
    cd "$copy"
    log="$copy/scaffold.log"
fi

if ! bash scripts/new-plugin.sh ScaffoldCheck scaffold-check > "$log" 2>&1; then
    cat "$log"
    echo "scaffold: scripts/new-plugin.sh failed" >&2
    exit 1
fi
swift test --filter 'RegistryTests|PluginExampleTests|GeneratedDocsTests|ReportsFileSchemaTests'
echo "scaffold: the new plugin builds, registers and passes its example test"
