/// An area a warning covers: CAP polygons and circles.
public struct WarningArea: Sendable, Equatable {
    public var description: String
    public var polygons: [[GeoPoint]]
    public var circles: [(center: GeoPoint, radiusMetres: Double)]
    public var geocodes: [String]

    public init(description: String, polygons: [[GeoPoint]], circles: [(center: GeoPoint, radiusMetres: Double)], geocodes: [String]) {
        self.description = description
        self.polygons = polygons
        self.circles = circles
        self.geocodes = geocodes
    }

    public func contains(_ p: GeoPoint) -> Bool {
        for polygon in polygons where CAPGeometry.polygon(polygon, contains: p) { return true }
        for circle in circles where circle.center.distance(to: p) <= circle.radiusMetres { return true }
        return false
    }

    public static func == (a: WarningArea, b: WarningArea) -> Bool {
        a.description == b.description && a.polygons == b.polygons && a.geocodes == b.geocodes
            && a.circles.count == b.circles.count
            && zip(a.circles, b.circles).allSatisfy { $0.center == $1.center && $0.radiusMetres == $1.radiusMetres }
    }
}

/// The state of a warning on the board.
public enum WarningStatus: String, Sendable, Hashable {
    case active, superseded, cancelled, expired
}

/// A warning in force over an area (a CAP alert, typically from weather).
public struct Warning: Sendable, Equatable {
    /// The CAP identifier; opaque (GB/T 35965.1 identifiers start with an admin code).
    public var id: String
    public var sender: String
    public var level: Level
    public var event: String
    public var headline: String
    public var areas: [WarningArea]
    public var effective: Instant?
    public var expires: Instant?
    public var status: WarningStatus = .active
    public var replaces: [String] = []

    public init(id: String, sender: String, level: Level, event: String, headline: String, areas: [WarningArea], effective: Instant?, expires: Instant?) {
        self.id = id
        self.sender = sender
        self.level = level
        self.event = event
        self.headline = headline
        self.areas = areas
        self.effective = effective
        self.expires = expires
    }

    public var areaDescription: String { areas.map(\.description).joined(separator: "; ") }

    public func covers(_ p: GeoPoint) -> Bool { areas.contains { $0.contains(p) } }
}
