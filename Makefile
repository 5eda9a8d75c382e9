# The developer loop. Every target is a plain swift command; see README.md.
.PHONY: build test run validate record-golden docs format

build:
	swift build

test:
	swift test

run:
	swift run dtm-report run

validate:
	swift run dtm-report validate

# Rewrites every golden file from the current code and fails on purpose: read the diff
# (git diff Tests Plugins), then run `make test`.
record-golden:
	DTM_RECORD_GOLDEN=1 swift test; git status --short Tests Plugins

# Regenerates docs/plugins.md from the plugins' descriptions and templates (a test fails when
# it is stale).
docs:
	swift run dtm-report reference --output docs/plugins.md

format:
	swift format --in-place --recursive Package.swift Sources Plugins Tests
