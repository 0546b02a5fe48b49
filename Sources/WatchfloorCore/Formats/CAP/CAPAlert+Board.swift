import Foundation

extension CAPAlert {
    /// The gravest national level among the info blocks (I is gravest); nil when every
    /// block's severity is "Unknown" or there is no info block.
    public var highestLevel: Level? {
        infos.compactMap(\.level).min()
    }

    /// One point to put the alert on the map or to decide it lies outside the jurisdiction:
    /// the centroid of the first polygon in any info/area, else the first circle's centre.
    /// Nil when the areas are described only by text or geocodes.
    public var representativePoint: GeoPoint? {
        let areas = infos.flatMap(\.areas)
        if let polygon = areas.lazy.flatMap(\.polygons).first(where: { !$0.isEmpty }) {
            return CAPGeometry.centroid(of: polygon)
        }
        return areas.lazy.flatMap(\.circles).first?.center
    }

    /// Whether any area of any info block contains `point`.
    public func covers(_ point: GeoPoint) -> Bool {
        infos.contains { info in info.areas.contains { $0.contains(point) } }
    }
}
