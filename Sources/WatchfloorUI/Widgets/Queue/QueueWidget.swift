import WatchfloorCore

/// The dispatch queue: each order on its way to an agency — its id, incident, unit, agency,
/// state (a lapsed claim shows as queued again) and who holds it — newest first.
public struct QueueWidget: Widget {
    public init() {}

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        let s = model.strings
        let orders = model.board.orders
        let title = "5 " + s.queueTitle + (orders.isEmpty ? "" : " \(orders.count)")
        let inside = canvas.box(rect, title: title, style: model.view.focus == .queue ? .accent : .muted)
        guard !inside.isEmpty else { return }
        guard !orders.isEmpty else {
            canvas.line(s.queueEmpty, in: inside.row(0), style: .muted)
            return
        }
        let widths = [8, 7, 14, 6, 7, 0]
        let header = [s.queueOrder, s.queueIncident, s.queueUnit, s.queueAgency, s.queueState, s.queueConsumer]
        canvas.cells(header.map { ($0, Style(.muted, bold: true)) }, widths: widths, in: inside.row(0))
        let now = model.clock ?? model.board.clock ?? Instant(milliseconds: 0)
        for (i, order) in orders.reversed().enumerated() where i + 1 < inside.height {
            let state = order.state(at: now)
            let role: ColorRole = switch state {
            case .queued: .accent
            case .claimed: .levelIII
            case .acked: .good
            case .failed, .dead: .bad
            }
            let cells: [(String, Style)] = [
                (order.id, .plain), (order.incident, .plain), (order.unit, .plain),
                (s.agency(order.agency), .plain), (s.orderState(state), Style(role, bold: state == .dead || state == .failed)),
                (order.consumer.map(InertText.clean) ?? "—", .muted),
            ]
            canvas.cells(cells, widths: widths, in: inside.row(i + 1))
        }
    }
}
