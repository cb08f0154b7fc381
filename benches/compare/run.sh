#!/usr/bin/env bash
# crosscheck dedup vs datasketch, rensa, gaoya, the simhash crate and the speed-of-light line.
# Usage: benches/compare/run.sh [--quick] [--sizes 10000,100000] [--runs 3] [--help for more]
# Needs: cargo, python3 (3.11) with venv; installs pinned peers into target/compare-venv.
set -euo pipefail
exec python3 "$(dirname "$0")/run.py" "$@"
