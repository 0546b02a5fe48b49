#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, for a program with its own main (compiler-rt's FuzzerInterface.h).
// Defined by libclang_rt.fuzzer, which `-sanitize=fuzzer` links in.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
