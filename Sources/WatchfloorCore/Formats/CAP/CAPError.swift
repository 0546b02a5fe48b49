/// Why a CAP document was refused, in words a duty officer can act on (or pass on to the
/// sender): which element, which info block, what CAP allows.
public struct CAPError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// Not readable as text: empty, too large, binary, or an encoding we do not read.
        case unreadable
        /// Declares a DTD or entities. Refused before parsing, so nothing is expanded or fetched.
        case forbiddenDTD
        /// Not well-formed XML: usually truncated or corrupted in transit.
        case malformedXML
        /// Well-formed XML, but not a CAP 1.1 or 1.2 alert.
        case notCAP
        /// A CAP alert that breaks the standard's rules.
        case invalid
    }

    public var kind: Kind
    /// Each problem found, in document order, e.g. "required element <scope> is missing".
    public var problems: [String]
    /// Problems found beyond those kept in `problems`.
    public var omitted: Int

    public init(_ kind: Kind, _ problems: [String], omitted: Int = 0) {
        self.kind = kind
        self.problems = problems
        self.omitted = omitted
    }

    init(_ kind: Kind, _ problem: String) {
        self.init(kind, [problem])
    }

    /// How many problems are spelled out in `description`; a feed-pane line must stay readable.
    static let problemsShown = 6

    public var description: String {
        let shown = problems.prefix(Self.problemsShown)
        let more = problems.count - shown.count + omitted
        var text = "CAP alert: " + shown.joined(separator: "; ")
        if more > 0 { text += "; and \(more) more problem\(more == 1 ? "" : "s")" }
        return text
    }
}

/// Collects the rule violations of one document so the sender hears about all of them at
/// once, not one per resend. Bounded, because a hostile document can repeat a mistake
/// a million times.
struct CAPProblems {
    static let kept = 40
    private(set) var list: [String] = []
    private(set) var omitted = 0

    var isEmpty: Bool { list.isEmpty && omitted == 0 }

    mutating func add(_ problem: String) {
        if list.count < Self.kept { list.append(problem) } else { omitted += 1 }
    }

    var error: CAPError { CAPError(.invalid, list, omitted: omitted) }
}

/// Quotes a value from the document inside a message, cut short so one bad element cannot
/// flood the feed pane.
func capQuote(_ value: String, limit: Int = 48) -> String {
    let cut = value.count > limit ? String(value.prefix(limit)) + "…" : value
    return "'\(cut)'"
}

/// "A, B, C or D": how CAP's code lists read in a message.
func capChoices(_ values: [String]) -> String {
    guard let last = values.last else { return "" }
    guard values.count > 1 else { return last }
    return values.dropLast().joined(separator: ", ") + " or " + last
}
