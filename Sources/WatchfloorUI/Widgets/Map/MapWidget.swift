import WatchfloorCore

/// The map grid of the province, or of one city when zoomed: boundaries, open incidents where
/// they are, units out on incidents, active warning areas shaded, grid references on the edges
/// and the cursor's cell.
///
/// A class so that it can keep what is costly and changes seldom — the rasterised boundaries for
/// the last size and zoom, the warning shading for the last warnings — while a frame only counts
/// incidents and copies characters. It draws only from the model it is given; the caches are
/// derived from the model and the gazetteer, so one widget serves one gazetteer.
public final class MapWidget: Widget {
    private var geography: (key: GeographyKey, value: MapGeography)?
    private var shading: MapShading?
    private var marks = MapMarks()
    private var units = MapUnits()

    /// The key to the marks under the map (a layout's `legend:` option).
    public var showsLegend = true

    public init() {}

    public func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        let rect = Self.clip(rect, to: canvas.bounds)
        guard !rect.isEmpty else { return }
        let gazetteer = model.gazetteer
        let view = model.view.map
        let scope = Self.scope(of: view, in: gazetteer)
        let title = Self.title(model.strings, place: (scope ?? gazetteer.province).name, width: rect.width)
        let focused = model.view.focus == .map
        guard rect.height >= 2, rect.width >= 2 else {
            canvas.line(title, in: rect.row(0), style: .accent)
            return
        }
        let inside = canvas.box(rect, title: title, style: focused ? .accent : .muted)
        guard let layout = MapLayout(grid: view.grid(gazetteer: gazetteer), inside: inside) else {
            let note = model.strings.mapTooSmall
            if !inside.isEmpty, DisplayWidth.of(note) <= inside.width { canvas.put(note, x: inside.x, y: inside.y, style: .muted) }
            return
        }
        let cursor = view.clampedCursor(gazetteer: gazetteer)

        marks.tally(model.board.incidents, layout: layout, within: model.jurisdiction)
        units.place(model.board.units, layout: layout)
        drawMap(layout, geography: geography(layout, scope: scope, gazetteer: gazetteer), on: &canvas)
        shade(layout, warnings: model.board.activeWarnings, on: &canvas)
        if focused {
            canvas.restyle(layout.rect(of: cursor)) { style in
                style.reverse.toggle()
                style.bold = true
            }
        }
        drawLabels(layout, cursor: cursor, focused: focused, on: &canvas)
        if let footer = layout.footer {
            drawFooter(footer, cursor: cursor, open: marks.total(in: cursor, layout: layout), model: model, on: &canvas)
        }
        if showsLegend, let legend = layout.legend { drawLegend(legend, strings: model.strings, on: &canvas) }
    }

    /// The title with the place's name when it fits whole in the frame's top edge (a name cut
    /// in half could name another place), else only the word for map.
    static func title(_ strings: Strings, place: String, width: Int) -> String {
        let full = strings.mapTitle(place)
        return DisplayWidth.of(full) + 4 <= width ? full : strings.mapTitleShort
    }

    /// The division zoomed on; nil for the province (or a zoom code the gazetteer does not know,
    /// which `MapGrids` also draws as the province).
    static func scope(of view: MapView, in gazetteer: Gazetteer) -> Division? {
        guard let code = view.zoomCity, let division = gazetteer.division(adcode: code), division.kind != .province else { return nil }
        return division
    }

    private struct GeographyKey: Equatable {
        var grid: GridReference
        var width: Int
        var height: Int
        var scope: String?
    }

    private func geography(_ layout: MapLayout, scope: Division?, gazetteer: Gazetteer) -> MapGeography {
        let key = GeographyKey(grid: layout.grid, width: layout.map.width, height: layout.map.height, scope: scope?.adcode)
        if let geography, geography.key == key { return geography.value }
        let value = MapGeography(layout: layout, gazetteer: gazetteer, scope: scope)
        geography = (key, value)
        return value
    }

    /// Each character of the map written once, in reading order: an incident's mark where
    /// there is one (underlined when a unit is there too), else a unit's, else the boundary or
    /// blank.
    private func drawMap(_ layout: MapLayout, geography: MapGeography, on canvas: inout Canvas) {
        let width = layout.map.width
        for y in 0..<layout.map.height {
            for x in 0..<width {
                let k = y * width + x
                let count = marks.count[k]
                var cell = count > 0 ? MapMarks.cell(count: count, gravest: marks.gravest[k]) : geography.cells[k]
                let unit = units.marks[k]
                if unit != .none {
                    if count > 0 { cell.style.underline = true } else { cell = MapUnits.cell(unit) }
                }
                canvas.set(cell, x: layout.map.x + x, y: layout.map.y + y)
            }
        }
    }

    /// Shading is reverse video in the warning role; an incident's mark keeps its level's role
    /// so it still reads inside the shade, and so does a unit's.
    private func shade(_ layout: MapLayout, warnings: [Warning], on canvas: inout Canvas) {
        if shading?.key != MapShading.key(layout: layout, warnings: warnings) {
            shading = MapShading(layout: layout, warnings: warnings)
        }
        guard let shading else { return }
        let width = layout.map.width
        for k in shading.shaded {
            let marked = marks.count[k] > 0 || units.marks[k] != .none
            canvas.restyle(Rect(x: layout.map.x + k % width, y: layout.map.y + k / width, width: 1, height: 1)) { style in
                if !marked { style.role = .warningArea }
                style.reverse = true
            }
        }
    }

    private static func clip(_ rect: Rect, to bounds: Rect) -> Rect {
        let x = max(rect.x, bounds.x), y = max(rect.y, bounds.y)
        return Rect(x: x, y: y, width: min(rect.maxX, bounds.maxX) - x, height: min(rect.maxY, bounds.maxY) - y)
    }
}

@available(*, unavailable)
extension MapWidget: Sendable {}
