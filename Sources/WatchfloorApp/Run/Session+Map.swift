import WatchfloorCore
import WatchfloorUI

/// The map's cursor, zoom and the board filter it sets.
extension Session {
    func moveMapCursor(_ action: Action) {
        let (dx, dy): (Int, Int) = switch action {
        case .up: (0, -1)
        case .down: (0, 1)
        case .left: (-1, 0)
        case .right: (1, 0)
        case .pageUp: (0, -5)
        case .pageDown: (0, 5)
        default: (0, 0)
        }
        view.map.moveCursor(dx: dx, dy: dy, gazetteer: reference.gazetteer)
    }

    func zoomMap(in zoomIn: Bool) {
        if zoomIn {
            if !view.map.zoomIn(gazetteer: reference.gazetteer) {
                view.message = Message(.info, strings.pick("光标下没有城市可放大", "no city under the cursor to zoom on"))
            }
        } else {
            view.map.zoomOut(gazetteer: reference.gazetteer)
        }
    }

    /// Enter on the map: the board shows only the incidents in the cursor's cell.
    func filterToMapCell() {
        view.filter = view.map.filterForCursor(gazetteer: reference.gazetteer)
        filterText = "cell:\(view.map.cursor)" + (view.map.zoomCity.map { "@\($0)" } ?? "")
        view.focus = .board
        invalidateRows()
    }

    /// `c` on the map: the board shows only the county under the cursor.
    func filterToMapCounty() {
        guard let filter = view.map.filterForCounty(gazetteer: reference.gazetteer),
              let county = view.map.countyUnderCursor(gazetteer: reference.gazetteer) else {
            view.message = Message(.info, strings.pick("光标下没有区县", "no county under the cursor"))
            return
        }
        view.filter = filter
        filterText = "place:\(county.name)"
        view.focus = .board
        invalidateRows()
    }
}
