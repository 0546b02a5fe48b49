import CLibFuzzer

/// Hands the program to libFuzzer.
///
/// libFuzzer brings its own `main`, but SwiftPM links every executable with `main` pointed at
/// the module's own entry point (so that tests can link executables), which replaces
/// libFuzzer's. So each fuzz target's main.swift calls this, which is what libFuzzer's `main`
/// would have done.
public enum FuzzDriver {
    public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
    }
}
