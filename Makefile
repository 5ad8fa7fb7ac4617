# Thin wrapper over the CMake presets (as neovim's Makefile wraps its CMake build).
PRESET ?= default
BUILD  := build

.PHONY: all deps build test test-galera run bench clean

all: build

deps:
	@bash .ci/install-deps

$(BUILD)/CMakeCache.txt:
	cmake --preset $(PRESET)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build --preset $(PRESET)

# Tests run inside a private D-Bus session with an unlocked keyring and a throw-away HOME,
# so the real OS keychain is exercised and nothing touches the developer's own. The database suites
# run on SQLite, PostgreSQL and MariaDB: .ci/db-servers starts the local servers and prints the
# OTP_TEST_* settings the tests read (tests/support/ScratchDatabase.h). .ci/galera-cluster starts a
# three-node MariaDB Galera cluster on loopback for the `galera` label (about 20 s; the label about 3.5 min
# on 2 cores); when it cannot start, that label says it skipped and the rest runs. When a test fails,
# .ci/failure-digest repeats why at the very end of the output (CI keeps only a log's tail).
test: build
	eval "$$(bash .ci/db-servers)" && \
	{ galera=$$(bash .ci/galera-cluster) && eval "$$galera" || echo "Galera cluster not started: the galera label skips"; } && \
	HOME=$$(mktemp -d) QT_QPA_PLATFORM=offscreen dbus-run-session -- sh -c \
	  'eval $$(printf "test-password" | gnome-keyring-daemon --unlock --components=secrets); \
	   ctest --preset $(PRESET) || { rc=$$?; python3 .ci/failure-digest $(BUILD); exit $$rc; }'

# The Galera label alone: .ci/galera-cluster starts a three-node cluster on loopback (about 20 s), then the
# database suites and the cross-node tests run on it (about 2.5 min on 2 cores).
test-galera: build
	eval "$$(bash .ci/galera-cluster)" && \
	HOME=$$(mktemp -d) QT_QPA_PLATFORM=offscreen ctest --preset $(PRESET) -L galera

bench: build
	$(BUILD)/tests/bench/otp_bench
	@# PostgreSQL beside pgbench and MariaDB beside a plain client, at 1, 8 and 32 clients: only when
	@# OTP_TEST_PG_URL / OTP_TEST_MARIADB_URL are set or the local servers start.
	@if [ -n "$$OTP_TEST_PG_URL" ] || dbenv=$$(bash .ci/db-servers); then \
	  eval "$$dbenv"; $(BUILD)/tests/bench/server_bench --engine postgresql && \
	  $(BUILD)/tests/bench/server_bench --engine mariadb; \
	else echo "server_bench skipped: no database servers (set OTP_TEST_PG_URL or run .ci/db-servers)"; fi
	@# otpd over HTTP beside the in-process loop: SQLite, and PostgreSQL when OTP_TEST_PG_URL is set or
	@# the local servers start (the same environment as server_bench above).
	@if [ -z "$$OTP_TEST_PG_URL" ] && dbenv=$$(bash .ci/db-servers 2>/dev/null); then eval "$$dbenv"; fi; \
	  $(BUILD)/tests/bench/http_bench
	@# The Galera cluster: pairs/s spread over its three nodes beside one node and the plain server, when
	@# OTP_TEST_GALERA_URLS is set (eval "$$(bash .ci/galera-cluster)" first).
	@if [ -n "$$OTP_TEST_GALERA_URLS" ]; then \
	  if [ -z "$$OTP_TEST_MARIADB_URL" ] && dbenv=$$(bash .ci/db-servers 2>/dev/null); then eval "$$dbenv"; fi; \
	  $(BUILD)/tests/bench/galera_bench; \
	else echo "galera_bench skipped: OTP_TEST_GALERA_URLS is unset (eval \"\$$(bash .ci/galera-cluster)\")"; fi
	@# Last: it seeds 3,000,000 rows (about 2 min) and exits 1 when a console target is missed.
	$(BUILD)/tests/bench/console_bench

run: build
	bash app/console/run-demo.sh $(BUILD)

clean:
	rm -rf $(BUILD)
