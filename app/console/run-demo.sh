#!/usr/bin/env bash
# Demo: otp-vendor-sim serving the Gupshup, WATI and MyOperator APIs on loopback, otpd (the HTTP API apps
# call) beside it, simulated users calling otpd over HTTP (send, read the code from the simulator's inbox,
# check) while the simulator posts delivery receipts back to otpd, and the console watching it all.
# When otpd cannot start, the simulated traffic runs in-process (otpctl simulate) instead, and says so.
#   bash app/console/run-demo.sh BUILD_DIR        (what `make run` does)
# The database is $OTP_DB, or a demo SQLite file of its own (so the demo's vendors, which point at a
# simulator that only lives as long as the demo, never land in your real database). Without a
# display the console cannot start: set OTP_DEMO_XVFB=1 to run it under `xvfb-run -a` instead.
set -euo pipefail

build_dir="${1:-build}"
otpctl="$build_dir/app/otpctl/otpctl"
console="$build_dir/app/console/otp-console"
vendorsim="$build_dir/app/vendorsim/otp-vendor-sim"
otpd="$build_dir/app/otpd/otpd"

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
work_dir="$(mktemp -d)"
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n "${key_name:-}" ]]; then
    "$otpctl" "${db_args[@]}" apikeys revoke "$key_name" --reason "the demo ended" >/dev/null 2>&1 || true
  fi
  rm -f "${port_file:-}"
  rm -rf "$work_dir"
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
# The receipt URLs' tokens (otpctl vendors receipt-url prints the URL with its token), fresh per demo.
demo_token() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
OTP_SECRET_RECEIPT_TOKEN_SIM_GUPSHUP=$(demo_token) OTP_SECRET_RECEIPT_TOKEN_SIM_WATI=$(demo_token) \
  OTP_SECRET_RECEIPT_TOKEN_SIM_MYOPERATOR=$(demo_token)
export OTP_SECRET_RECEIPT_TOKEN_SIM_GUPSHUP OTP_SECRET_RECEIPT_TOKEN_SIM_WATI OTP_SECRET_RECEIPT_TOKEN_SIM_MYOPERATOR
"$otpctl" "${db_args[@]}" migrate >/dev/null
"$otpctl" "${db_args[@]}" vendors add sim-gupshup --kind gupshup --secret demo/gupshup "base_url=$base" userid=sim-user mask=OTPSMS \
    principal_entity_id=1101000000000000001 dlt_template_id=1107000000000000001 >/dev/null
"$otpctl" "${db_args[@]}" vendors add sim-wati --kind wati --secret demo/wati "base_url=$base/demo-tenant" api_version=v2 template_name=login_otp >/dev/null
"$otpctl" "${db_args[@]}" vendors add sim-myoperator --kind myoperator --secret demo/myoperator "base_url=$base" \
  company_id=sim-company phone_number_id=pn-demo template_name=login_otp >/dev/null
"$otpctl" "${db_args[@]}" policy set route_sms=sim-gupshup route_whatsapp=sim-wati,sim-myoperator fallback_whatsapp=sms >/dev/null
# The demo's operator is this login, as an admin: every page's actions can be tried (roles: README).
"$otpctl" "${db_args[@]}" operators set "$(id -un)" --role admin --name "Demo admin ($(id -un))" >/dev/null

# otpd beside the simulator, on the demo database, with its outbox worker.
otpd_base=""
if [[ -x "$otpd" ]]; then
  "$otpd" "${db_args[@]}" --listen 127.0.0.1:0 --port-file "$work_dir/otpd.port" --key-rate 500/s \
    --trusted-proxy 127.0.0.1/32 \
    >/dev/null 2>"$work_dir/otpd.log" &
  otpd_pid=$!
  pids+=($otpd_pid)
  for _ in $(seq 1 150); do
    [[ -s "$work_dir/otpd.port" ]] && break
    kill -0 "$otpd_pid" 2>/dev/null || break
    sleep 0.1
  done
  [[ -s "$work_dir/otpd.port" ]] && otpd_base="http://127.0.0.1:$(cat "$work_dir/otpd.port")"
fi

if [[ -n "$otpd_base" ]] && command -v python3 >/dev/null; then
  echo "run-demo: otpd at $otpd_base (access log: $work_dir/otpd.log)"
  # An API key for the simulated app (kept in a private file, never printed; revoked when the demo ends).
  key_name="demo-app-$(date +%s)-$$"
  ( umask 077
    "$otpctl" "${db_args[@]}" apikeys create --tenant default --name "$key_name" --scopes send,verify,read --json |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])' >"$work_dir/key" )
  # The vendors' delivery receipts go to otpd: the URL each vendor's dashboard would hold.
  urls="{}"
  for vendor in sim-gupshup:gupshup sim-wati:wati sim-myoperator:myoperator; do
    url=$("$otpctl" "${db_args[@]}" vendors receipt-url "${vendor%%:*}" "$otpd_base" --json |
            python3 -c 'import json,sys; print(json.load(sys.stdin)["url"])')
    urls=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d[sys.argv[2]]=sys.argv[3]; print(json.dumps(d))' "$urls" "${vendor#*:}" "$url")
  done
  curl -fsS -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"urls\": $urls, \"delay_ms\": 1500, \"fail_rate\": 0.05}" "$base/_sim/receipts"
  # The simulated users: what `otpctl simulate` does (typos, brute force, resends, abandoned codes),
  # but as an app calling otpd over HTTP, reading each code from the simulator's inbox.
  python3 - "$otpd_base" "$base" "$work_dir/key" 5 >"$work_dir/traffic.log" 2>&1 <<'PY' &
import json, random, re, sys, threading, time, urllib.error, urllib.request
from concurrent.futures import ThreadPoolExecutor
api, sim, key_file, rate = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
key = open(key_file).read().strip()
digits_re = re.compile(r"(?<!\d)(\d{4,10})(?!\d)")
tally, lock = {}, threading.Lock()

def http(method, url, body=None, auth=True, user_ip=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if auth:
        req.add_header("Authorization", "Bearer " + key)
    if user_ip:  # the app's backend forwards its user's address (otpd trusts 127.0.0.1 as a proxy)
        req.add_header("X-Forwarded-For", user_ip)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read() or b"{}")
        except ValueError:
            return e.code, {}
    except Exception as e:  # otpd gone: the demo is ending
        return 0, {"status": "unreachable", "message": str(e)}

def count(status, body):
    with lock:
        name = body.get("status", str(status))
        tally[name] = tally.get(name, 0) + 1

def inbox(to):
    status, body = http("GET", f"{sim}/_sim/inbox?to={to.lstrip('+')}", auth=False)
    return body.get("messages", []) if status == 200 else []

def code_after(to, seen, wait_s=12):
    deadline = time.time() + wait_s
    while time.time() < deadline:
        messages = inbox(to)
        if len(messages) > seen:
            m = messages[-1]
            for text in [m.get("text") or ""] + [json.dumps(m.get("params"))]:
                found = digits_re.search(text)
                if found:
                    return found.group(1)
        time.sleep(0.25)
    return None

def wrong(code):
    i = random.randrange(len(code))
    return code[:i] + str((int(code[i]) + random.randint(1, 9)) % 10) + code[i + 1:]

def flow():
    user_ip = "100.64.%d.%d" % (random.randrange(256), random.randrange(1, 255))
    call = lambda method, url, body=None: http(method, url, body, user_ip=user_ip)
    roll = random.randrange(100)
    if roll < 3:  # a typo'd number
        count(*call("POST", api + "/v1/verifications", {"to": "+91 12345"}))
        return
    to = "+9198%08d" % random.randrange(10**8)
    body = {"to": to, "purpose": "registration" if roll % 10 == 0 else "login"}
    if random.randrange(10) == 0:
        body["channel"] = "whatsapp"
    seen = len(inbox(to))
    status, answer = call("POST", api + "/v1/verifications", body)
    count(status, answer)
    if status not in (201, 202):
        return
    code = code_after(to, seen)
    if code is None or roll < 13:  # never enters the code: it expires
        return
    check = {"to": to, "purpose": body["purpose"]}
    if roll < 20:  # brute force until locked
        for _ in range(4):
            status, answer = call("POST", api + "/v1/verifications/check", dict(check, code=wrong(code)))
            count(status, answer)
            if status == 429:
                return
        return
    if roll < 25:  # asks again: the resend's code is the one that works
        seen = len(inbox(to))
        status, answer = call("POST", api + "/v1/verifications/resend", {"to": to, "purpose": body["purpose"]})
        count(status, answer)
        if status in (201, 202):
            code = code_after(to, seen) or code
    elif roll < 37:  # a typo first
        count(*call("POST", api + "/v1/verifications/check", dict(check, code=wrong(code))))
    count(*call("POST", api + "/v1/verifications/check", dict(check, code=code)))

with ThreadPoolExecutor(max_workers=32) as pool:
    started, last_report = time.time(), time.time()
    n = 0
    while True:
        due = started + n / rate
        time.sleep(max(0.0, due - time.time()))  # pacing the simulated users
        pool.submit(flow)
        n += 1
        if time.time() - last_report > 30:
            last_report = time.time()
            with lock:
                print(time.strftime("%H:%M:%S"), n, "flows", json.dumps(tally, sort_keys=True), flush=True)
PY
  pids+=($!)
  echo "run-demo: simulated users call otpd over HTTP (send, code from the simulator's inbox, check);"
  echo "run-demo: the simulator posts delivery receipts to otpd; tally every 30 s in $work_dir/traffic.log"
else
  if [[ ! -x "$otpd" ]]; then
    echo "run-demo: $otpd is not built: the simulated traffic runs in-process instead (otpctl simulate)" >&2
  elif [[ -z "$otpd_base" ]]; then
    echo "run-demo: otpd did not start (see $work_dir/otpd.log): the simulated traffic runs in-process instead (otpctl simulate)" >&2
  else
    echo "run-demo: python3 is not installed: the simulated traffic runs in-process instead (otpctl simulate)" >&2
  fi
  "$otpctl" "${db_args[@]}" simulate --rate 5 --duration 0 >/dev/null 2>&1 &
  pids+=($!)
fi
echo "run-demo: simulated traffic running; it stops when the console closes"

# Not `exec`: the trap must outlive the console to stop the simulator.
"${launcher[@]}" "$console" "${db_args[@]}"
