/// What changed when an entry was applied, for the runtime to act on (redraw a row, refresh
/// the map). Durable effects (dispatch orders) join this list when the queue exists.
public enum Effect: Sendable, Equatable {
    case incidentOpened(String)
    case incidentChanged(String)
    case warningChanged(String)
    case unitChanged(String)
    case rejected(ReportRejection)
}
