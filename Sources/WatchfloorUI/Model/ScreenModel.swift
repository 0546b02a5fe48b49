import WatchfloorCore

/// Everything one frame is drawn from: the board, the geography, the feeds, the view state
/// and the language. The runtime builds one per frame and drops it after drawing, so the
/// board is shared, never copied.
public struct ScreenModel {
    public enum Mode: Sendable, Equatable {
        case live
        /// A replay: its speed (×) and whether it is paused or has ended.
        case training(speed: Double?, paused: Bool, ended: Bool)
    }

    public var board: Board
    public var gazetteer: Gazetteer
    /// Indices into `board.incidents` in display order, after filter and sort.
    public var rows: [Int32]
    public var feeds: [FeedStatus]
    public var mode: Mode
    public var operatorID: String
    public var strings: Strings
    public var view: ViewState
    /// The filter as the officer typed it, shown in the status bar.
    public var filterText: String?
    /// The time the status bar shows: the scenario's clock in training, which runs between
    /// messages; nil shows the time of the newest entry.
    public var clock: Instant?
    /// A console scoped to a city or county sees and counts only the incidents there.
    public var jurisdiction: Jurisdiction?
    /// The jurisdiction's name for the status bar (`济南市`).
    public var jurisdictionName: String?
    /// The console's store cannot be reached (why, in the store's words): the status bar says
    /// so until it is back.
    public var storeTrouble: String?

    public init(board: Board, gazetteer: Gazetteer, rows: [Int32], feeds: [FeedStatus], mode: Mode, operatorID: String, strings: Strings, view: ViewState) {
        self.board = board
        self.gazetteer = gazetteer
        self.rows = rows
        self.feeds = feeds
        self.mode = mode
        self.operatorID = operatorID
        self.strings = strings
        self.view = view
    }

    /// The incident the cursor is on, if any.
    public var selectedIncident: Incident? {
        view.selectedIncident.flatMap(board.incident)
    }
}
