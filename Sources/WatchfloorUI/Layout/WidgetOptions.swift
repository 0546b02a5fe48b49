/// One value of a widget option as a layout file gives it.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case flag(Bool)
    case list([String])

    public var description: String {
        switch self {
        case .flag(let on): on ? "true" : "false"
        case .list(let items): "[" + items.joined(separator: ", ") + "]"
        }
    }
}

/// The options of one placed widget. Every option the widget knows is present: what the
/// file leaves out has its default (`OptionSpec.default`), so widgets never guess.
public struct WidgetOptions: Sendable, Hashable {
    public private(set) var values: [String: OptionValue]

    public init(_ values: [String: OptionValue] = [:]) {
        self.values = values
    }

    /// The defaults of every option `pane` knows.
    public static func defaults(for pane: Pane) -> WidgetOptions {
        WidgetOptions(Dictionary(uniqueKeysWithValues: OptionSpec.all(for: pane).map { ($0.name, $0.default) }))
    }

    public subscript(name: String) -> OptionValue? { values[name] }

    /// A flag option; nil when the widget has no such flag.
    public func flag(_ name: String) -> Bool? {
        if case .flag(let on)? = values[name] { return on }
        return nil
    }

    /// A list option; nil when the widget has no such list.
    public func list(_ name: String) -> [String]? {
        if case .list(let items)? = values[name] { return items }
        return nil
    }

    mutating func set(_ name: String, _ value: OptionValue) { values[name] = value }
}

/// An option a widget accepts in a layout file: its name, the values it may take and its
/// default. The table below is the whole vocabulary; anything else is refused, so a typo
/// in a layout is reported instead of silently ignored.
public struct OptionSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `true` or `false`.
        case flag
        /// A non-empty list of distinct words from `choices`, in the order they are shown.
        case list(choices: [String])
    }

    public let name: String
    public let kind: Kind
    public let `default`: OptionValue

    /// The board's columns, in the order a full board shows them.
    public static let boardColumns = ["level", "category", "title", "place", "grid", "agencies", "status", "age", "units"]

    public static func all(for pane: Pane) -> [OptionSpec] {
        switch pane {
        case .board:
            [OptionSpec(name: "columns", kind: .list(choices: boardColumns), default: .list(boardColumns))]
        case .map:
            [
                // The key of level colours and glyphs; a small map may need the room more.
                OptionSpec(name: "legend", kind: .flag, default: .flag(true)),
                // Column letters and row numbers around the map, so officers can name a cell.
            ]
        case .feeds:
            // All six sources on one line (a strip) instead of one line each.
            [OptionSpec(name: "compact", kind: .flag, default: .flag(false))]
        case .detail, .queue:
            []
        }
    }
}
