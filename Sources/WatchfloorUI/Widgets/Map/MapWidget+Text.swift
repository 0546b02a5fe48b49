import WatchfloorCore

/// The words around the map: grid references on its edges, the cursor's footer, the legend.
extension MapWidget {
    func drawLabels(_ layout: MapLayout, cursor: GridCell, focused: Bool, on canvas: inout Canvas) {
        let current = focused ? Style(.accent, bold: true, reverse: true) : Style.accent
        for c in 0..<layout.grid.columns {
            let letters = GridCell(columnIndex: c, rowIndex: 0).columnLetters
            let x = layout.map.x + c * layout.cellWidth + (layout.cellWidth - 1) / 2
            canvas.put(letters, x: x, y: layout.columnLabels.y, style: c == cursor.columnIndex ? current : .muted, limit: layout.map.maxX - x)
        }
        for r in 0..<layout.grid.rows {
            let number = String(r + 1)
            let x = layout.rowLabels.maxX - 1 - number.count
            let y = layout.map.y + r * layout.cellHeight + (layout.cellHeight - 1) / 2
            canvas.put(number, x: x, y: y, style: r == cursor.rowIndex ? current : .muted)
        }
    }

    /// `C7  济南市 历下区  未结事件 3 起`: the cell, what lies at its centre, what is open in it.
    func drawFooter(_ footer: Rect, cursor: GridCell, open: Int, model: ScreenModel, on canvas: inout Canvas) {
        let gazetteer = model.gazetteer
        let place: String
        if let county = model.view.map.countyUnderCursor(gazetteer: gazetteer) {
            place = [gazetteer.city(of: county)?.name, county.name].compactMap { $0 }.joined(separator: " ")
        } else {
            place = model.strings.mapOutsideProvince
        }
        canvas.line("", in: footer)
        var x = footer.x
        for (text, style) in [(cursor.description, Style.accent), (place, .plain), (model.strings.mapOpenIncidents(open), .plain)] {
            guard x < footer.maxX else { break }
            x += canvas.put(text, x: x, y: footer.y, style: style, limit: footer.maxX - x) + 2
        }
    }

    /// `! I  # II  * III  + IV  2-9 count  @ 10+  ▯▯ warning  > enroute  o onscene`, whole parts only, as many as fit.
    func drawLegend(_ legend: Rect, strings: Strings, on canvas: inout Canvas) {
        var levels: [(String, Style)] = []
        for level in Level.allCases {
            if !levels.isEmpty { levels.append(("  ", .plain)) }
            levels += [(String(LevelMark.glyph(level)), LevelMark.style(level)), (" " + level.rawValue, .muted)]
        }
        let parts: [[(String, Style)]] = [
            levels,
            [("2-9", .plain), (" " + strings.mapCountLegend, .muted)],
            [("@", .plain), (" " + strings.mapManyLegend, .muted)],
            [("  ", Style(.warningArea, reverse: true)), (" " + strings.mapWarningLegend, .muted)],
            [(MapUnits.glyph(.moving), MapUnits.style), (" " + strings.unitStatusShort(.enroute), .muted)],
            [(MapUnits.glyph(.onScene), MapUnits.style), (" " + strings.unitStatusShort(.onscene), .muted)],
        ]
        var x = legend.x
        for part in parts {
            let width = part.reduce(0) { $0 + DisplayWidth.of($1.0) }
            guard x + width <= legend.maxX else { break }
            for (text, style) in part { x += canvas.put(text, x: x, y: legend.y, style: style) }
            x += 2
        }
    }
}
