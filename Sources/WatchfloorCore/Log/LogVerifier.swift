/// What `log verify` found wrong, naming the line a person should look at.
public struct VerifyProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The log ends in the middle of a line: an interrupted writer, not an edit.
        case truncated
        /// A line was changed, removed or inserted.
        case altered
        /// A line is not a log entry at all.
        case malformed
    }

    public var kind: Kind
    /// 1-based line number in the file.
    public var line: Int
    public var message: String

    public var description: String { "line \(line): \(message)" }
}

/// The outcome of checking one log file (or a segment of a log).
public struct VerifyReport: Sendable, Equatable {
    public var lines = 0
    public var firstSeq: Int64?
    public var lastSeq: Int64?
    /// The hash of the last good line: what the next segment must record as `prev`.
    public var head: String?
    public var problem: VerifyProblem?

    public var isIntact: Bool { problem == nil }
}

/// Checks the `seq` run and the SHA-256 chain of a log, a line at a time, so archives of any
/// size stream through it (DESIGN §3.3). When a link breaks it looks one line ahead to tell
/// which line was edited: an edit to line k breaks the link from k to k+1, and an edit to the
/// `prev` of line k breaks the links on both sides of it.
public struct LogVerifier: Sendable {
    private var report = VerifyReport()
    private var previous: (seq: Int64, hash: String)?
    /// A broken link into line `line` whose blame waits on the next line.
    private var suspect: Int?
    /// Set once a problem is found; later lines are not examined.
    private var done = false
    private let expectedHead: String?

    /// `expectedHead`, when known (from the store), lets the last line be checked too.
    public init(expectedHead: String? = nil) {
        self.expectedHead = expectedHead
    }

    /// Feeds the next line, without its newline; `terminated` is false only for a last line
    /// that had no newline.
    public mutating func add(_ bytes: UnsafeRawBufferPointer, terminated: Bool = true) {
        guard !done else { return }
        report.lines += 1
        let number = report.lines
        let line: LogLine
        do throws(LogLineError) {
            line = try LogLine.parse(bytes)
        } catch {
            if !terminated {
                fail(.truncated, number, "the log ends in the middle of this line (a writer was interrupted; the lines before it are intact)")
            } else {
                fail(.malformed, number, "not a log entry: \(error)")
            }
            return
        }
        let hash = LogChain.hash(bytes)
        if let s = suspect {
            // The link into line s was broken; if the link out of it is too, line s itself changed.
            if line.prev != previous?.hash {
                fail(.altered, s, "this line was changed: its hash does not match the `prev` of line \(s + 1), and its `prev` does not match line \(s - 1)")
            } else {
                fail(.altered, s - 1, "this line was changed: its hash does not match the `prev` recorded by line \(s)")
            }
            return
        }
        if let previous {
            if line.seq != previous.seq + 1 {
                fail(.altered, number, "seq \(line.seq) follows seq \(previous.seq): an entry was removed, inserted or renumbered")
                return
            }
            if line.prev != previous.hash { suspect = number }
        } else {
            report.firstSeq = line.seq
            if line.seq == 1 && line.prev != LogChain.genesis {
                fail(.altered, number, "the first entry (seq 1) must have a `prev` of 64 zeros")
                return
            }
        }
        previous = (line.seq, hash)
        report.lastSeq = line.seq
        if suspect == nil { report.head = hash }
        if !terminated {
            fail(.truncated, number, "the last line has no newline: the log was cut while it was written")
        }
    }

    /// Convenience: verifies a whole file's bytes.
    public mutating func add(contentsOf data: UnsafeRawBufferPointer) {
        var start = 0
        var i = 0
        while i < data.count {
            if data[i] == 0x0A {
                add(UnsafeRawBufferPointer(rebasing: data[start..<i]))
                start = i + 1
            }
            i += 1
        }
        if start < data.count { add(UnsafeRawBufferPointer(rebasing: data[start...]), terminated: false) }
    }

    public mutating func finish() -> VerifyReport {
        if !done, let s = suspect {
            if let expectedHead, let previous, previous.hash != expectedHead {
                fail(.altered, s, "this line was changed: its hash does not match the head the store recorded")
            } else if expectedHead != nil {
                fail(.altered, s - 1, "this line was changed: its hash does not match the `prev` recorded by line \(s)")
            } else {
                fail(.altered, s - 1, "line \(s - 1) or line \(s) was changed: the `prev` of line \(s) does not match the hash of line \(s - 1)")
            }
        }
        if !done, let expectedHead, let head = report.head, head != expectedHead {
            fail(.altered, report.lines, "the last line's hash does not match the head the store recorded: it was changed, or lines after it were removed")
        }
        if !done, report.lines == 0 {
            fail(.malformed, 0, "the log is empty")
        }
        return report
    }

    private mutating func fail(_ kind: VerifyProblem.Kind, _ line: Int, _ message: String) {
        report.problem = VerifyProblem(kind: kind, line: line, message: message)
        done = true
    }
}
