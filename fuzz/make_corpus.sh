#!/usr/bin/env bash
# Regenerates the seed corpus in fuzz/corpus/ with the project's own writers (fuzz/tools/).
# Seeds added by hand (crash reproducers, named crash-*) are kept. Usage: fuzz/make_corpus.sh
# [BUILD_DIR] (default build-fuzz, configured like fuzz/run-fuzzers.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-fuzz}
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DRSD_BUILD_FUZZERS=ON -DRSD_BUILD_UI=OFF -DRSD_BUILD_TESTS=OFF
fi
cmake --build "$build_dir" --target rsd_fuzz_make_corpus
"$build_dir/fuzz/rsd_fuzz_make_corpus" . fuzz/corpus
du -sh fuzz/corpus/* | sed 's/^/make_corpus: /'
