import WatchfloorCore

/// What the duty officer is looking at: focus, selection, filter, map cursor, command line.
/// View commands change only this; they are never logged (DESIGN §4).
public struct ViewState: Sendable, Equatable {
    public var focus: Pane = .board
    /// Incident id under the board's cursor; kept by id so it survives re-sorting.
    public var selectedIncident: String?
    /// First board row shown.
    public var boardScroll = 0
    public var filter = BoardFilter()
    public var sort = BoardSort.level
    public var map = MapView()
    public var detailScroll = 0
    /// Open while the officer types a `:` command or a `/` filter.
    public var prompt: Prompt?
    /// The answer to the last command, shown until the next key.
    public var message: Message?
    public var showingHelp = false
    /// `:rejects`: the refused feed lines over the panes.
    public var showingRejects = false
    public var layoutName = "default"

    public init() {}
}

/// How the board's rows are ordered.
public enum BoardSort: String, Sendable, CaseIterable, Equatable {
    /// Gravest first, then newest.
    case level
    /// Newest report first.
    case recent
    /// By place (admin code), then level.
    case place
}

/// The map's cursor and zoom.
public struct MapView: Sendable, Equatable {
    /// The cell under the cursor at the current zoom.
    public var cursor = GridCell(columnIndex: 0, rowIndex: 0)
    /// The city zoomed on (adcode); nil shows the province.
    public var zoomCity: String?

    public init() {}
}

/// The one-line editor at the bottom: a `:` command or a `/` filter.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case command, filter }
    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }
}

/// One line of answer: accepted, rejected, or information.
public struct Message: Sendable, Equatable {
    public enum Tone: Sendable, Equatable { case info, accepted, rejected }
    public var tone: Tone
    public var text: String

    public init(_ tone: Tone, _ text: String) {
        self.tone = tone
        self.text = text
    }
}
