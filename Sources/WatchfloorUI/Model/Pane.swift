/// The panes a layout can place. Their raw values are the widget names of layout files.
public enum Pane: String, Sendable, CaseIterable, Hashable {
    case board, map, detail, feeds, queue

    /// The digit that focuses the pane (DESIGN §6: digits move between panes).
    public var digit: Character {
        switch self {
        case .board: "1"
        case .map: "2"
        case .detail: "3"
        case .feeds: "4"
        case .queue: "5"
        }
    }
}
