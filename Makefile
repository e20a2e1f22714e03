# The two commands: `make run` and `make test`. Everything else is a step
# they take, or a tool for developers.
RELEASE_DIR := build/release
TEST_DIR    := build/test
BENCH_DIR   := build/bench
FUZZ_DIR    := build/fuzz
FUZZ_SECONDS ?= 10
DATA        ?= data
LISTEN      ?= 127.0.0.1:8443
JOBS        ?= $(shell nproc)
CMAKE_GEN   := -G Ninja

.PHONY: all deps build web run test fuzz-build fuzz bench format clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(RELEASE_DIR) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DTS_TESTS=OFF > /dev/null
	@cmake --build $(RELEASE_DIR) -j $(JOBS) --target threatshare

# The analysts' console (web/): npm packages from the committed lock file
# (installed again only when the lock file changes), built by Vite into
# web/dist when a source changed.
WEB_SOURCES := $(shell find web/src web/public web/scripts -type f 2>/dev/null) \
               web/index.html web/vite.config.ts web/tsconfig.json web/package.json

web: web/dist/index.html

web/node_modules/.package-lock.json: web/package-lock.json | deps
	@cd web && npm ci --no-audit --no-fund

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	@cd web && npm run --silent build

run: build web
	@$(RELEASE_DIR)/src/threatshare demo load --data $(DATA)
	@echo "Data directory: $(DATA)   (stop with Ctrl-C)"
	@$(RELEASE_DIR)/src/threatshare serve --data $(DATA) --listen $(LISTEN) --web-root web/dist

# The test build uses AddressSanitizer and UndefinedBehaviorSanitizer with
# warnings as errors; every suite runs against it. The fuzz targets run
# briefly first, so that ctest's summary is the last thing printed.
test: deps fuzz-build web
	@cmake -S . -B $(TEST_DIR) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DTS_WERROR=ON -DTS_SANITIZE=ON > /dev/null
	@cmake --build $(TEST_DIR) -j $(JOBS)
	@bash tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)
	@cd $(TEST_DIR) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

# libFuzzer needs clang; `make fuzz FUZZ_SECONDS=600` fuzzes for longer.
fuzz-build: deps
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTS_FUZZ=ON -DTS_TESTS=OFF > /dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzz_all

fuzz: fuzz-build
	@bash tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

bench: deps
	@cmake -S . -B $(BENCH_DIR) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DTS_TESTS=OFF -DTS_BENCH=ON > /dev/null
	@cmake --build $(BENCH_DIR) -j $(JOBS)
	@bash bench/run.sh $(BENCH_DIR)

format:
	@find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	@rm -rf build
