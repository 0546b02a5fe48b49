/// A layout file that was refused, or a layout that could not be found: where, and why,
/// in words a duty officer can act on (`layouts/default.yaml:12: unknown widget "mapp" ...`).
public struct LayoutError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or, for a missing layout, the directory) the problem is in.
    public let file: String
    /// The 1-based line, when the problem has one.
    public let line: Int?
    public let problem: Problem

    public init(file: String, line: Int?, _ problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        if let line { "\(file):\(line): \(problem)" } else { "\(file): \(problem)" }
    }

    /// What is wrong. Each case says what to write instead.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case unreadable(String)
        case unlistable(String)
        case syntax(String)
        case empty
        case duplicateKey(String)
        case wrongType(key: String, expected: String)
        case missingKey(String, in: String)
        case unknownKey(String, in: String, allowed: [String])
        case nameMismatch(name: String, fileName: String)
        case unknownWidget(String)
        case noContent
        case twoContents([String])
        case sizeAndWeight
        case minWithSize
        case sizingOnWholeLayout(String)
        case outOfRange(key: String, value: Int, range: ClosedRange<Int>)
        case emptySplit(LayoutNode.Direction)
        case paneUsedTwice(Pane, firstLine: Int)
        case unknownChoice(String, option: String, allowed: [String])
        case repeatedChoice(String, option: String)
        case emptyList(option: String)
        case noLayouts
        case unknownLayout(String, known: [String])

        public var description: String {
            switch self {
            case .unreadable(let why):
                "cannot read the layout file: \(why)"
            case .unlistable(let why):
                "cannot list the layout files: \(why)"
            case .syntax(let problem):
                "not valid YAML: \(problem)"
            case .empty:
                "the file is empty; a layout needs name, description, fits and layout"
            case .duplicateKey(let key):
                "\"\(key)\" is given twice in the same place; keep one"
            case .wrongType(let key, let expected):
                "\"\(key)\" must be \(expected)"
            case .missingKey(let key, let place):
                "\(place) has no \"\(key)\""
            case .unknownKey(let key, let place, let allowed):
                "unknown key \"\(key)\" in \(place) (one of \(allowed.joined(separator: ", ")))"
            case .nameMismatch(let name, let fileName):
                "name \"\(name)\" differs from the file name; call it \"\(fileName)\" or rename the file"
            case .unknownWidget(let name):
                "unknown widget \"\(name)\" (one of \(Pane.allCases.map(\.rawValue).joined(separator: ", ")))"
            case .noContent:
                "this part shows nothing: give it \"widget\" (one of \(Pane.allCases.map(\.rawValue).joined(separator: ", "))) or split it with \"row\" or \"column\""
            case .twoContents(let keys):
                "this part has both \(keys.map { "\"\($0)\"" }.joined(separator: " and ")); give it one, and put the rest in a split"
            case .sizeAndWeight:
                "both \"size\" and \"weight\"; a part is either a fixed number of cells (size) or a share (weight)"
            case .minWithSize:
                "\"min\" only applies to a part with a \"weight\"; a part with a \"size\" is already fixed"
            case .sizingOnWholeLayout(let key):
                "\"\(key)\" has no meaning on the whole layout, which always fills the screen; put it on the parts of a split"
            case .outOfRange(let key, let value, let range):
                "\"\(key)\" must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(value)"
            case .emptySplit(let direction):
                "\"\(direction.rawValue)\" lists no parts; give it at least one"
            case .paneUsedTwice(let pane, let firstLine):
                "widget \"\(pane.rawValue)\" is already placed at line \(firstLine); each pane appears once"
            case .unknownChoice(let value, let option, let allowed):
                "unknown \(option) entry \"\(value)\" (one of \(allowed.joined(separator: ", ")))"
            case .repeatedChoice(let value, let option):
                "\"\(value)\" appears twice in \(option); list it once"
            case .emptyList(let option):
                "\"\(option)\" lists nothing; leave it out for the default, or list at least one"
            case .noLayouts:
                "no usable layout files (*.yaml) here"
            case .unknownLayout(let name, let known):
                "no layout \"\(name)\" (one of \(known.joined(separator: ", ")))"
            }
        }
    }
}
