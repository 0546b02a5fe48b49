import Foundation
@testable import WatchfloorUI

/// The package's root, found from this file so the tests read the shipped `layouts/`
/// wherever the checkout is.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent() // WatchfloorUITests
    .deletingLastPathComponent() // Tests
    .deletingLastPathComponent()

let shippedLayouts = packageRoot.appendingPathComponent("layouts").path

func shippedLayout(_ name: String) throws -> Layout {
    try Layout.load(path: shippedLayouts + "/\(name).yaml")
}

/// What stops `placed` from tiling `area` exactly; empty when every cell of `area` belongs
/// to exactly one pane. Rectangles inside the area that do not overlap and whose areas add
/// up to the area's cover it exactly, which is cheap enough to check at every size.
func tilingFaults(_ placed: [PlacedPane], _ area: Rect) -> [String] {
    var faults: [String] = []
    for p in placed {
        if p.rect.isEmpty { faults.append("\(p.pane) is placed with no cells") }
        if p.rect.x < area.x || p.rect.y < area.y || p.rect.maxX > area.maxX || p.rect.maxY > area.maxY {
            faults.append("\(p.pane) at \(p.rect) leaves \(area)")
        }
    }
    for (i, a) in placed.enumerated() {
        for b in placed[(i + 1)...] {
            let overlapX = max(a.rect.x, b.rect.x) < min(a.rect.maxX, b.rect.maxX)
            let overlapY = max(a.rect.y, b.rect.y) < min(a.rect.maxY, b.rect.maxY)
            if overlapX && overlapY { faults.append("\(a.pane) at \(a.rect) overlaps \(b.pane) at \(b.rect)") }
        }
    }
    let covered = placed.reduce(0) { $0 + $1.rect.width * $1.rect.height }
    if covered != area.width * area.height { faults.append("panes cover \(covered) cells of \(area.width * area.height)") }
    return faults
}

/// A layout file's text around one `layout:` body, so each bad-file case shows only what
/// is wrong. The body starts on line 5.
func layoutText(name: String = "bad", _ body: String) -> String {
    """
    name: \(name)
    description: a layout under test
    fits: {width: 80, height: 24}
    layout:
    \(body)
    """
}
