#!/usr/bin/env bash
# Builds the libFuzzer target with clang++ as a separate CMake project and runs it for a bounded time.
#   run-fuzz.sh <otp source dir> <build dir>
# Environment: OTP_FUZZ_CXX (default clang++), OTP_FUZZ_SECONDS (default 20), OTP_FUZZ_JOBS (default 2).
# Exit status: non-zero when the build fails or the fuzzer finds a crash, sanitizer report or broken
# invariant; the reproducer is left in <build dir>/artifacts/.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <otp source dir> <build dir>" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
build=$2
cxx=${OTP_FUZZ_CXX:-clang++}
seconds=${OTP_FUZZ_SECONDS:-20}
jobs=${OTP_FUZZ_JOBS:-2}
here="$src/tests/fuzz"

mkdir -p "$build"
cmake -S "$here/project" -B "$build" \
  -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DOTP_SOURCE_DIR="$src"
cmake --build "$build" -j "$jobs"

# New inputs go to a scratch corpus in the build dir; the committed seeds are only read.
mkdir -p "$build/corpus" "$build/artifacts"

# Leak checks stay on; libphonenumber's and Qt's singletons are reachable from statics, so not leaks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

"$build/fuzz_destination" \
  -max_total_time="$seconds" \
  -rss_limit_mb=2048 \
  -timeout=10 \
  -max_len=512 \
  -dict="$here/destination.dict" \
  -artifact_prefix="$build/artifacts/" \
  -print_final_stats=1 \
  "$build/corpus" "$here/corpus"
