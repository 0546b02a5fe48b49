import Foundation

/// One administrative division (GB/T 2260): the province, a prefecture city or a county.
public struct Division: Sendable, Identifiable, Hashable, CustomStringConvertible {
    /// The three levels the board places reports at.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case province, city, county
    }

    /// Six-digit GB/T 2260 code, e.g. "370102".
    public let adcode: String
    /// Chinese name as in the source, e.g. "历下区".
    public let name: String
    /// The adcode of the division one level up; nil for the province.
    public let parent: String?
    public let kind: Kind
    /// A point inside the division, for labels and for "where is it" (not always the area centroid:
    /// see demo-data/geo/ATTRIBUTION.md).
    public let centroid: GeoPoint
    /// The extent of `rings`.
    public let bbox: GeoBox
    /// Outer rings of every part, and holes, as rings; membership is even-odd over all of them.
    public let rings: [[GeoPoint]]

    /// The banded edges behind `contains`; the gazetteer's grid keeps its own copy of each county's.
    let index: RingIndex

    public var id: String { adcode }

    /// `bbox` is computed from the rings so that the quick bbox test can never reject a point
    /// the rings contain.
    public init(adcode: String, name: String, parent: String?, kind: Kind, centroid: GeoPoint, rings: [[GeoPoint]]) {
        self.adcode = adcode
        self.name = name
        self.parent = parent
        self.kind = kind
        self.centroid = centroid
        self.rings = rings
        self.bbox = GeoBox(enclosing: rings.joined())
            ?? GeoBox(minLon: .nan, minLat: .nan, maxLon: .nan, maxLat: .nan)
        self.index = RingIndex(rings: rings)
    }

    /// Whether the point is inside: bbox first, then even-odd ray casting over all rings.
    /// A point exactly on a border may go to either side (the gazetteer then takes the first
    /// county by code); the file's borders are only good to the simplification tolerance anyway.
    public func contains(_ point: GeoPoint) -> Bool {
        bbox.contains(point) && index.contains(lon: point.lon, lat: point.lat)
    }

    public var description: String { "\(adcode) \(name)" }

    public static func == (a: Division, b: Division) -> Bool {
        a.adcode == b.adcode && a.name == b.name && a.parent == b.parent && a.kind == b.kind
            && a.centroid == b.centroid && a.rings == b.rings
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(adcode)
    }
}
