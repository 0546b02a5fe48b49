import Foundation

/// The units the board can dispatch, as `demo-data/units.json` lists them (DESIGN §4).
public enum UnitCatalogue {
    public struct DecodingError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func decode(_ data: Data) throws(DecodingError) -> [Unit] {
        let root: JSONValue
        do throws(JSONError) {
            root = try JSONValue.parse(bytes: Array(data))
        } catch {
            throw DecodingError(description: "units file is not valid JSON: \(error)")
        }
        guard let list = root["units"]?.arrayValue else { throw DecodingError(description: "units file has no \"units\" array") }
        var units: [Unit] = []
        for (i, u) in list.enumerated() {
            guard let id = u["id"]?.stringValue, let agencyWord = u["agency"]?.stringValue,
                  let agency = Agency(rawValue: agencyWord), let lat = u["lat"]?.doubleValue, let lon = u["lon"]?.doubleValue
            else {
                throw DecodingError(description: "units file: unit \(i + 1) needs id, agency (one of the six), lat and lon")
            }
            units.append(Unit(
                id: id, agency: agency, kind: u["kind"]?.stringValue ?? "", name: u["name"]?.stringValue ?? id,
                adcode: u["adcode"]?.stringValue ?? "", station: u["station"]?.stringValue ?? "",
                home: GeoPoint(lat: lat, lon: lon)
            ))
        }
        return units
    }
}
