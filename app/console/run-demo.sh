#!/usr/bin/env bash
# Demo: otp-vendor-sim serving the Gupshup, WATI and MyOperator APIs on loopback, simulated users
# whose codes travel to it over real HTTP, and the console watching it all.
#   bash app/console/run-demo.sh BUILD_DIR        (what `make run` does)
# The database is $OTP_DB, or a demo SQLite file of its own (so the demo's vendors, which point at a
# simulator that only lives as long as the demo, never land in your real database). Without a
# display the console cannot start: set OTP_DEMO_XVFB=1 to run it under `xvfb-run -a` instead.
set -euo pipefail

build_dir="${1:-build}"
otpctl="$build_dir/app/otpctl/otpctl"
console="$build_dir/app/console/otp-console"
vendorsim="$build_dir/app/vendorsim/otp-vendor-sim"

for bin in "$otpctl" "$console" "$vendorsim"; do
  if [[ ! -x "$bin" ]]; then
    echo "run-demo: $bin is missing; build first (make build)" >&2
    exit 1
  fi
done

if [[ -z "${OTP_DB:-}" ]]; then
  data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/otp-console"
  mkdir -p "$data_dir"
  OTP_DB="sqlite://$data_dir/demo.db"
fi
db_args=(--db "$OTP_DB")
echo "run-demo: database $OTP_DB (set OTP_DB to choose another)"

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

pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -f "${port_file:-}"
}
trap cleanup EXIT INT TERM

# The vendor simulator on a free loopback port, answering like the real APIs in 50-400 ms.
port_file="$(mktemp)"
rm -f "$port_file"
"$vendorsim" --port 0 --port-file "$port_file" --latency-ms 60 --myoperator-shape alternate --quiet >/dev/null &
pids+=($!)
for _ in $(seq 1 100); do [[ -s "$port_file" ]] && break; sleep 0.1; done
if [[ ! -s "$port_file" ]]; then
  echo "run-demo: otp-vendor-sim did not start" >&2
  exit 1
fi
base="http://127.0.0.1:$(cat "$port_file")"
echo "run-demo: otp-vendor-sim at $base (inbox: $base/_sim/inbox)"

# Some weather: slow answers, throttling, server errors and refused numbers, as real vendors have.
fault() { curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "$1" "$base/_sim/faults"; }
fault '{"vendor":"*","kind":"latency","latency_ms":250,"rate":0.3}'
fault '{"vendor":"myoperator","kind":"latency","latency_ms":900,"rate":0.2}'
fault '{"vendor":"gupshup","kind":"http","status":429,"rate":0.02}'
fault '{"vendor":"wati","kind":"http","status":500,"rate":0.05}'
fault '{"vendor":"gupshup","kind":"vendor_error","rate":0.02}'

# The simulator's demo credentials reach the processes through the environment (OTP_SECRETS=env);
# real ones belong in the OS keychain: `otpctl secrets set vendor/NAME`.
export OTP_SECRETS=env
export OTP_SECRET_DEMO_GUPSHUP=sim-password OTP_SECRET_DEMO_WATI=sim-wati-token OTP_SECRET_DEMO_MYOPERATOR=sim-myop-token
"$otpctl" "${db_args[@]}" migrate >/dev/null
"$otpctl" "${db_args[@]}" vendors add sim-gupshup --kind gupshup --secret demo/gupshup "base_url=$base" userid=sim-user mask=OTPSMS \
    principal_entity_id=1101000000000000001 dlt_template_id=1107000000000000001 >/dev/null
"$otpctl" "${db_args[@]}" vendors add sim-wati --kind wati --secret demo/wati "base_url=$base/demo-tenant" api_version=v2 template_name=login_otp >/dev/null
"$otpctl" "${db_args[@]}" vendors add sim-myoperator --kind myoperator --secret demo/myoperator "base_url=$base" \
  company_id=sim-company phone_number_id=pn-demo template_name=login_otp >/dev/null
"$otpctl" "${db_args[@]}" policy set route_sms=sim-gupshup route_whatsapp=sim-wati,sim-myoperator fallback_whatsapp=sms >/dev/null
# The demo's operator is this login, as an admin: every page's actions can be tried (roles: README).
"$otpctl" "${db_args[@]}" operators set "$(id -un)" --role admin --name "Demo admin ($(id -un))" >/dev/null

"$otpctl" "${db_args[@]}" simulate --rate 5 --duration 0 >/dev/null 2>&1 &
pids+=($!)
echo "run-demo: simulated traffic running; it stops when the console closes"

# Not `exec`: the trap must outlive the console to stop the simulator.
"${launcher[@]}" "$console" "${db_args[@]}"
