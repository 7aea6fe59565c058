# The README's two commands: `make demo` (after installing the packages) and `make test`.
# Everything builds with CMake; this file only names the common jobs.

JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
PYTHON ?= python3

.PHONY: all build demo test unit golden stress seeds asan bench bench-smoke clean

all: build

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/krait examples/demo.py

# The whole suite: unit tests (Check), embedding tests, golden programs with the JIT off, default,
# forced and forced with the reference register allocator, the collector's stress mode (with the JIT
# forced too, on the JIT and program tests), and the seed programs.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -E '^golden$$'
	$(PYTHON) tests/run_golden.py --krait $(BUILD)/krait --mode all --xfail tests/known_failures.txt -j $(JOBS)
	$(PYTHON) tests/run_golden.py --krait $(BUILD)/krait --mode stress --skip tests/stress_skip.txt --xfail tests/known_failures.txt -j $(JOBS)
	$(PYTHON) tests/run_golden.py --krait $(BUILD)/krait --mode stressjit --filter jit_ --filter prog_ --skip tests/stress_skip.txt --xfail tests/known_failures.txt -j $(JOBS)
	$(PYTHON) tests/run_seeds.py --krait $(BUILD)/krait
	$(PYTHON) tests/run_cli.py --krait $(BUILD)/krait

unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -E '^golden$$'

golden: build
	$(PYTHON) tests/run_golden.py --krait $(BUILD)/krait --mode all --xfail tests/known_failures.txt -j $(JOBS)

stress: build
	$(PYTHON) tests/run_golden.py --krait $(BUILD)/krait --mode stress -j $(JOBS)

seeds: build
	$(PYTHON) tests/run_seeds.py --krait $(BUILD)/krait

# AddressSanitizer + UndefinedBehaviorSanitizer build; runs the unit tests and every golden program.
asan:
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKRAIT_SANITIZE=ON >/dev/null
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=allocator_may_return_null=1 ctest --output-on-failure -j $(JOBS) -E '^golden$$'
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 $(PYTHON) tests/run_golden.py --krait build-asan/krait --mode default -j $(JOBS) --timeout 120

bench:
	$(PYTHON) perf/run

bench-smoke:
	$(PYTHON) perf/run --smoke

clean:
	rm -rf $(BUILD) build-asan build-release
