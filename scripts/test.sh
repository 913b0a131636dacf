#!/usr/bin/env bash
# Installs everything the tests need, builds, and runs every check:
# rustfmt, clippy, the pure-Rust tests, ruff, mypy --strict, stubtest, pytest.
# Usage: bash scripts/test.sh        (CI runs exactly this through .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

# One persistent build directory keeps repeat runs fast; nothing depends on
# it existing. `cargo test` gets its own, since its build flags differ from
# the extension's and would otherwise force pyo3 to rebuild each time.
cache="${IOTJOBS_CACHE:-$HOME/.cache/iotjobs}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$cache/target}"
rust_test_target="$cache/target-test"
python="${PYTHON:-python3}"
export PIP_ROOT_USER_ACTION=ignore

step() { printf '\n==> %s\n' "$*"; }

step "install the package and the test tools"
"$python" -m pip install --quiet --disable-pip-version-check -e ".[test]"

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "cargo test (pure-Rust crates)"
CARGO_TARGET_DIR="$rust_test_target" cargo test --quiet -p iotjobs-model -p iotjobs-server -p iotjobs-client

step "ruff"
"$python" -m ruff check python tests bench examples scripts
"$python" -m ruff format --check python tests bench examples scripts

step "mypy --strict and stubtest"
"$python" -m mypy --strict python/iotjobs examples/typed_usage.py
"$python" -m mypy.stubtest iotjobs._core iotjobs.client --allowlist stubtest-allowlist.txt

step "pytest"
# Exit status 5 means no test ran: a failure for us, never a pass.
set +e
"$python" -m pytest -q tests "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests: failing" >&2
    exit 1
fi
exit "$status"
