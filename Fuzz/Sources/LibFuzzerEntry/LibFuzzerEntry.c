#include "LibFuzzerEntry.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
void __lsan_disable(void);
void __lsan_enable(void);

int paws_libfuzzer_main(int argc, char **argv, void (*warm_up)(void)) {
    if (warm_up != NULL) {
        __lsan_disable();
        warm_up();
        __lsan_enable();
    }
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
