import Foundation

/// Signals the processes whose command line holds every one of `words`, read from /proc, so
/// tests need no procps on a bare machine. Returns how many were signalled.
@discardableResult
func signalProcesses(_ signal: Int32, argumentsContaining words: [String], executableSuffix: String) -> Int {
    var count = 0
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
        guard let pid = Int32(entry), pid != getpid(),
              let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
        let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard let first = arguments.first, first.hasSuffix(executableSuffix),
              words.allSatisfy({ word in arguments.contains { $0.contains(word) } }) else { continue }
        if kill(pid, signal) == 0 { count += 1 }
    }
    return count
}
