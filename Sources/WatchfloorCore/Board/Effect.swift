/// What changed when an entry was applied, for the runtime to act on (redraw a row, refresh
/// the map). Dispatch orders are not effects: they are the board's `orders`, and the store
/// writes them in the transaction of the entries that make them (the outbox).
public enum Effect: Sendable, Equatable {
    case incidentOpened(String)
    case incidentChanged(String)
    case warningChanged(String)
    case unitChanged(String)
    case rejected(ReportRejection)
}
