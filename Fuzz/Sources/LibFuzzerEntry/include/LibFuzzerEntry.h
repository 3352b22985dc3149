#ifndef PAWS_LIBFUZZER_ENTRY_H
#define PAWS_LIBFUZZER_ENTRY_H

/// Runs libFuzzer's driver on the `LLVMFuzzerTestOneInput` linked into this executable.
///
/// SwiftPM links every executable target with `main` aliased to `<Module>_main`, so libFuzzer's
/// own `main` is never used: each fuzzer defines `<Module>_main` and calls this instead.
///
/// `warm_up`, when not NULL, runs first with LeakSanitizer disabled. Swift stores enum payloads
/// in pointers with spare bits set, which LeakSanitizer cannot follow, so fixtures built once and
/// kept in globals (loaded playbooks) would be reported as leaked at exit.
int paws_libfuzzer_main(int argc, char **argv, void (*warm_up)(void));

#endif
