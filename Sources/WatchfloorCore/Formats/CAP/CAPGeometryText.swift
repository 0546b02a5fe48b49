/// CAP's geometry strings. Coordinates are WGS-84 decimal degrees, LATITUDE FIRST:
/// a polygon is "lat,lon lat,lon ..." and a circle is "lat,lon radius" (radius in km).
enum CAPGeometryText {
    struct Failure: Error {
        /// Completes a sentence that begins "<polygon> 2 in area 1 of info 1 ...".
        var text: String
    }

    static func polygon(_ text: String) -> Result<[GeoPoint], Failure> {
        let tokens = CAPReader.words(text)
        if tokens.isEmpty { return .failure(Failure(text: "is empty")) }
        var points: [GeoPoint] = []
        points.reserveCapacity(tokens.count)
        for token in tokens {
            switch point(token) {
            case .success(let p): points.append(p)
            case .failure(let why): return .failure(why)
            }
        }
        guard points.count >= 4 else {
            return .failure(Failure(text: "has only \(points.count) point\(points.count == 1 ? "" : "s"); CAP requires at least 4, the last repeating the first"))
        }
        guard points.first == points.last else {
            return .failure(Failure(text: "is not closed: CAP requires its last point to repeat its first"))
        }
        return .success(points)
    }

    static func circle(_ text: String) -> Result<CAPCircle, Failure> {
        let tokens = CAPReader.words(text)
        guard tokens.count == 2 else {
            return .failure(Failure(text: "\(capQuote(text)) is not 'lat,lon radius' (CAP writes the radius in kilometres)"))
        }
        let centre: GeoPoint
        switch point(tokens[0]) {
        case .success(let p): centre = p
        case .failure(let why): return .failure(why)
        }
        guard let km = decimal(tokens[1]), km >= 0, km <= 20_037 else {
            return .failure(Failure(text: "has radius \(capQuote(tokens[1])), which is not a distance in kilometres between 0 and 20037"))
        }
        return .success(CAPCircle(center: centre, radiusMetres: km * 1000))
    }

    private static func point(_ token: String) -> Result<GeoPoint, Failure> {
        let parts = token.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let lat = decimal(parts[0]), let lon = decimal(parts[1]) else {
            return .failure(Failure(text: "has \(capQuote(token)) where a 'lat,lon' pair belongs"))
        }
        let p = GeoPoint(lat: lat, lon: lon)
        guard p.isValid else {
            return .failure(Failure(text: "has \(capQuote(token)), outside latitude -90...90 / longitude -180...180 (CAP puts latitude first)"))
        }
        return .success(p)
    }

    /// Plain decimals only ("+41.12", "-82.9314", "25.0"): no exponents, "inf" or "nan",
    /// which Double's own parser would accept.
    static func decimal<S: StringProtocol>(_ text: S) -> Double? {
        var digits = 0, dots = 0
        for (i, c) in text.utf8.enumerated() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard i == 0 else { return nil }
            default: return nil
            }
        }
        guard digits > 0, dots <= 1, text.utf8.count <= 40 else { return nil }
        return Double(String(text))
    }
}
