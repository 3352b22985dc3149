# The Makefile only wraps `swift build` / `swift test`, installs what is missing
# on a Debian machine, and drives the test fleet. See README.md.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libssh-dev openssh-server pkg-config iproute2 procps sudo busybox tcpdump python3 libxml2 strace
BIN_PATH = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)

.PHONY: all build test demo deps clean playbooks fleet-up fleet-down lint-self

all: build

## deps: install the Debian packages the build and the test fleet need (root, only what is missing).
deps:
	@bash scripts/install-deps $(APT_PACKAGES)

## build: debug build of the pawsguard binary.
build: deps
	$(SWIFT) build

## test: the whole suite, unit and integration (real sshd hosts; needs root).
test: deps
	$(SWIFT) build --build-tests
	PAWSGUARD_BIN="$(BIN_PATH)/pawsguard" $(SWIFT) test --skip-build

## demo: start the demo fleet modelled on the incident and audit it.
demo: build
	@bash scripts/demo

clean:
	rm -rf .build

## playbooks: embed playbooks/*.yml into the binary (run after editing a playbook).
playbooks:
	@bash scripts/embed-playbooks

FLEET_STATE ?= /tmp/pawsguard-fleet

## fleet-up: start the demo fleet and leave it running (inventory and known_hosts in $(FLEET_STATE)).
fleet-up:
	bash scripts/testfleet start --scenarios demo/fleet --state $(FLEET_STATE)

## fleet-down: stop it.
fleet-down:
	bash scripts/testfleet stop --state $(FLEET_STATE)

## lint-self: pawsguard lint on this repository (clean except its own fixtures, see .pawsguardignore).
lint-self: build
	$(BIN_PATH)/pawsguard lint --target-kernel 5.15
