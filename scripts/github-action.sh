#!/usr/bin/env bash
# The run step of the GitHub Action (action.yml): `candor check` with
# annotations (--format github) and, when the sarif-file input is set, a SARIF
# file first. Inputs arrive as INPUT_* environment variables, so no input is
# ever pasted into shell code. The exit status is candor's: 0 no finding at or
# above fail-on, 1 findings, 2 a usage, config, inventory or I/O error.
# CANDOR_BIN overrides the binary (the tests point it at a fresh build).
set -uo pipefail

candor="${CANDOR_BIN:-candor}"
common=(check --fail-on "${INPUT_FAIL_ON:-error}")
if [ -n "${INPUT_CONFIG:-}" ]; then
  common+=(--config "$INPUT_CONFIG")
fi
extra=()
if [ -n "${INPUT_ARGS:-}" ]; then
  # Split on whitespace (newlines included); no glob expansion.
  read -r -d '' -a extra <<< "$INPUT_ARGS" || true
fi

if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  # Warnings would be printed twice; show this run's stderr only if it failed.
  errors="$(mktemp)"
  "$candor" "${common[@]}" --format sarif --output "$INPUT_SARIF_FILE" "${extra[@]}" 2>"$errors"
  status=$?
  if [ "$status" -ge 2 ]; then
    cat "$errors" >&2
    rm -f "$errors"
    exit "$status"
  fi
  rm -f "$errors"
  echo "sarif-file=$INPUT_SARIF_FILE" >> "${GITHUB_OUTPUT:-/dev/null}"
fi

"$candor" "${common[@]}" --format github "${extra[@]}"
