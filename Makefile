# PoolPilot build. `make test` and `make demo` install what they need (Debian packages) first.
SWIFT ?= swift
CONFIG ?= debug
BIN_DIR = .build/$(CONFIG)
POOLPILOT = $(BIN_DIR)/poolpilot
DEMO_SECONDS ?= 180
FUZZ_SECONDS ?= 300
TEST_FUZZ_SECONDS ?= 25

# Every Debian package the build, the tests, the benchmarks and the demo need.
DEB_PACKAGES = libcurl4-openssl-dev libyaml-dev libssl-dev openssl ca-certificates prometheus gnuplot-nox \
	python3 procps nghttp2-server python3-h2

.PHONY: deps build test lint demo bench clean manifests check-manifests fuzz help

help:
	@echo "make demo     run PoolPilot on the embedded GPU cluster against a real trace (installs deps)"
	@echo "make test     build and run every test (installs deps)"
	@echo "make deps     install the Debian packages the build, tests and demo need"
	@echo "make build    build poolpilot ($(POOLPILOT))"
	@echo "make lint     check formatting with swift format"
	@echo "make bench    run the benchmarks (release build)"
	@echo "make clean    remove build output"

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG)

test: deps
	$(SWIFT) build --build-tests
	FUZZ_SECONDS=$(TEST_FUZZ_SECONDS) ./fuzz/run.sh
	./scripts/run-tests.sh

lint:
	$(SWIFT) format lint --strict -r Sources Tests

demo: deps
	$(SWIFT) build -c $(CONFIG)
	$(POOLPILOT) demo --seconds $(DEMO_SECONDS)

bench: deps
	$(SWIFT) build -c release
	./bench/run.sh

# The exposition parser's libFuzzer target (fuzz/run.sh); `make test` runs it for TEST_FUZZ_SECONDS.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./fuzz/run.sh

# The InferencePool CRD is generated from the Swift API types (Sources/Operator/API).
manifests:
	$(SWIFT) build --product poolpilot
	.build/debug/poolpilot manifests --dir $(CURDIR)

check-manifests:
	$(SWIFT) build --product poolpilot
	.build/debug/poolpilot manifests --dir $(CURDIR) --check

clean:
	rm -rf .build
