import WatchfloorCore
import WatchfloorUI

/// The map's cursor, zoom and the board filter it sets.
extension Session {
    var mapGrid: GridReference { MapGrids.grid(zoomCity: view.map.zoomCity, gazetteer: reference.gazetteer) }

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
        view.map = view.map.moved(dx: dx, dy: dy, grid: mapGrid)
    }

    func zoomMap(in zoomIn: Bool) {
        view.map = zoomIn ? view.map.zoomedIn(gazetteer: reference.gazetteer) : view.map.zoomedOut(gazetteer: reference.gazetteer)
    }

    /// Enter on the map: the board shows only the incidents in the cursor's cell.
    func filterToMapCell() {
        view.filter = view.map.filterForCursor(gazetteer: reference.gazetteer)
        filterText = "cell:\(view.map.cursor)" + (view.map.zoomCity.map { "@\($0)" } ?? "")
        view.focus = .board
        invalidateRows()
    }
}
