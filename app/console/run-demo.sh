#!/usr/bin/env bash
# Demo: live simulated traffic into the OTP database, and the console watching it.
#   bash app/console/run-demo.sh BUILD_DIR        (what `make run` does)
# The database is $OTP_DB, or otpctl's default SQLite file. Without a display the console cannot
# start: set OTP_DEMO_XVFB=1 to run it under `xvfb-run -a` instead.
set -euo pipefail

build_dir="${1:-build}"
otpctl="$build_dir/app/otpctl/otpctl"
console="$build_dir/app/console/otp-console"

for bin in "$otpctl" "$console"; do
  if [[ ! -x "$bin" ]]; then
    echo "run-demo: $bin is missing; build first (make build)" >&2
    exit 1
  fi
done

db_args=()
if [[ -n "${OTP_DB:-}" ]]; then
  db_args=(--db "$OTP_DB")
  echo "run-demo: database $OTP_DB"
else
  echo "run-demo: database: otpctl's default SQLite file (set OTP_DB to choose another)"
fi

launcher=()
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  if [[ "${OTP_DEMO_XVFB:-0}" == "1" ]]; then
    if ! command -v xvfb-run >/dev/null; then
      echo "run-demo: OTP_DEMO_XVFB=1 but xvfb-run is not installed (apt-get install xvfb)" >&2
      exit 1
    fi
    launcher=(xvfb-run -a)
  else
    echo "run-demo: otp-console needs a display (no \$DISPLAY or \$WAYLAND_DISPLAY is set)." >&2
    echo "run-demo: run it from a desktop session, or set OTP_DEMO_XVFB=1 to use a virtual one (xvfb-run -a)." >&2
    exit 2
  fi
fi

# Migrate once before two processes open the database.
"$otpctl" "${db_args[@]}" migrate >/dev/null

"$otpctl" "${db_args[@]}" simulate --rate 5 --duration 0 >/dev/null 2>&1 &
sim_pid=$!
echo "run-demo: simulated traffic running (pid $sim_pid); it stops when the console closes"
cleanup() {
  if kill -0 "$sim_pid" 2>/dev/null; then
    kill "$sim_pid" 2>/dev/null || true
    wait "$sim_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

# Not `exec`: the trap must outlive the console to stop the simulator.
"${launcher[@]}" "$console" "${db_args[@]}"
