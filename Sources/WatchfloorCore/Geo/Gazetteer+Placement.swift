import Foundation

/// Placing a report: from its position when it has one, else from its admin code.
extension Gazetteer {
    /// Where a report is, as the board records it (`Placement`, Model/Incident.swift).
    ///
    /// - A valid point inside the province: its county and that county's city.
    /// - A valid point outside: `insideProvince` false, no county or city. Such reports are kept
    ///   and flagged by the board, never dropped; the adcode is not used to overrule the point.
    /// - No point (or one that is not a position, e.g. NaN or lat 200): the adcode decides. A
    ///   county code gives county and city, a city code the city, the province code only
    ///   `insideProvince`. A county code the file does not know (an older code, a new district)
    ///   whose city it does know gives that city. Nine- and twelve-digit statistical codes
    ///   (township, village) are read by their first six digits. Anything else is not placed.
    public func placement(of point: GeoPoint?, adcode: String?) -> Placement {
        if let point, point.isValid {
            return placement(of: point)
        }
        guard let code = adcode.flatMap(Self.normalised(adcode:)) else { return .unknown }
        if let division = division(adcode: code) {
            switch division.kind {
            case .province: return Placement(insideProvince: true)
            case .city: return Placement(cityCode: division.adcode, insideProvince: true)
            case .county: return Placement(countyCode: division.adcode, cityCode: division.parent, insideProvince: true)
            }
        }
        let cityCode = String(code.prefix(4)) + "00"
        if let city = division(adcode: cityCode), city.kind == .city {
            return Placement(cityCode: city.adcode, insideProvince: true)
        }
        return .unknown
    }

    /// A point's county and city. The province outline and the counties share their borders, so
    /// the only points the province holds but no county does are slivers where a simplified border
    /// crosses itself; they go to the nearest county rather than nowhere.
    public func placement(of point: GeoPoint) -> Placement {
        // By index, not by `Division` value: this runs once per report and needs only two codes.
        if let i = countyIndex(containing: point) {
            return Placement(countyCode: counties[i].adcode, cityCode: counties[i].parent, insideProvince: true)
        }
        guard province.contains(point), let county = nearestCounty(to: point) else {
            return Placement(insideProvince: false)
        }
        return Placement(countyCode: county.adcode, cityCode: county.parent, insideProvince: true)
    }

    /// The names to show for a placement, e.g. "济南市 历下区", "济南市", "山东省"; nil when it is
    /// not placed. Data text, so Chinese whatever the interface language.
    public func displayName(of placement: Placement) -> String? {
        let city = placement.cityCode.flatMap { division(adcode: $0)?.name }
        let county = placement.countyCode.flatMap { division(adcode: $0)?.name }
        switch (city, county) {
        case let (city?, county?): return "\(city) \(county)"
        case let (city?, nil): return city
        case let (nil, county?): return county
        case (nil, nil): return placement.insideProvince ? province.name : nil
        }
    }

    /// The name of the placement's county, if it has one.
    public func countyName(of placement: Placement) -> String? {
        placement.countyCode.flatMap { division(adcode: $0)?.name }
    }

    /// The name of the placement's city, if it has one.
    public func cityName(of placement: Placement) -> String? {
        placement.cityCode.flatMap { division(adcode: $0)?.name }
    }

    /// Six digits from what feeds send: surrounding spaces dropped, 9- and 12-digit statistical
    /// codes cut to their county part. Nil for anything that is not such a code.
    static func normalised(adcode raw: String) -> String? {
        let code = raw.trimmingCharacters(in: .whitespaces)
        guard [6, 9, 12].contains(code.utf8.count), code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        return String(code.prefix(6))
    }
}
