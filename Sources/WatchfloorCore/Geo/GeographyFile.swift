import Foundation

/// The geography file as written by scripts/derive-geo.py (demo-data/geo/shandong.json), checked
/// and turned into divisions. Every refusal names the place in the file and the problem.
///
/// Read with the module's streaming `JSONReader` rather than `JSONDecoder`: the file is 70 000
/// coordinate pairs, and the generic decoder took about half a second of every start-up on them.
struct GeographyFile {
    /// The datum the feeds are read in (DESIGN §3.4): a file in another one would shift every
    /// lookup by hundreds of metres without anyone noticing, so it is refused instead.
    static let crs = "GCJ-02"

    let attribution: String
    let source: String
    let province: Division
    let cities: [Division]
    let counties: [Division]

    init(json: Data) throws(GazetteerError) {
        let raw = try RawFile(json: json)
        guard let crs = raw.crs else { throw GazetteerError(path: "", problem: "the key \"crs\" is missing") }
        guard crs == Self.crs else {
            throw GazetteerError(path: "crs", problem: "is \"\(crs)\"; feeds are read as \(Self.crs), so the boundaries must be too")
        }
        guard let attribution = raw.attribution else { throw GazetteerError(path: "", problem: "the key \"attribution\" is missing") }
        guard let source = raw.source else { throw GazetteerError(path: "", problem: "the key \"source\" is missing") }
        guard let rawProvince = raw.province else { throw GazetteerError(path: "", problem: "the key \"province\" is missing") }
        guard let rawCities = raw.cities else { throw GazetteerError(path: "", problem: "the key \"cities\" is missing") }
        guard let rawCounties = raw.counties else { throw GazetteerError(path: "", problem: "the key \"counties\" is missing") }
        self.attribution = attribution
        self.source = source

        province = try Self.division(rawProvince, kind: .province, path: "province")
        guard province.parent == nil else {
            throw GazetteerError(path: "province.parent", problem: "the province has no parent; remove the key")
        }
        var seen: Set<String> = [province.adcode]

        var cities: [Division] = []
        for (i, item) in rawCities.enumerated() {
            let city = try Self.division(item, kind: .city, path: "cities[\(i)]")
            guard city.parent == province.adcode else {
                throw GazetteerError(path: "cities[\(i)].parent", problem: "\(city) names \(city.parent.map { "\"\($0)\"" } ?? "no parent"); a city's parent must be the province \"\(province.adcode)\"")
            }
            guard seen.insert(city.adcode).inserted else {
                throw GazetteerError(path: "cities[\(i)].adcode", problem: "\(city.adcode) appears twice")
            }
            cities.append(city)
        }
        let cityCodes = Set(cities.map(\.adcode))

        var counties: [Division] = []
        for (i, item) in rawCounties.enumerated() {
            let county = try Self.division(item, kind: .county, path: "counties[\(i)]")
            guard let parent = county.parent, cityCodes.contains(parent) else {
                throw GazetteerError(path: "counties[\(i)].parent", problem: "\(county) names \(county.parent.map { "\"\($0)\"" } ?? "no parent"), which is not one of the cities")
            }
            guard seen.insert(county.adcode).inserted else {
                throw GazetteerError(path: "counties[\(i)].adcode", problem: "\(county.adcode) appears twice")
            }
            counties.append(county)
        }
        // Sorted by code whatever the file's order, so lookups that stop at the first match
        // (a point exactly on a border) give the same answer for the same data.
        self.cities = cities.sorted { $0.adcode < $1.adcode }
        self.counties = counties.sorted { $0.adcode < $1.adcode }
    }

    private static func division(_ raw: RawDivision, kind: Division.Kind, path: String) throws(GazetteerError) -> Division {
        func missing(_ key: String) -> GazetteerError {
            GazetteerError(path: path, problem: "the key \"\(key)\" is missing")
        }
        guard let adcode = raw.adcode else { throw missing("adcode") }
        guard adcode.utf8.count == 6, adcode.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw GazetteerError(path: path + ".adcode", problem: "\"\(adcode)\" is not a six-digit GB/T 2260 code")
        }
        guard let name = raw.name else { throw missing("name") }
        let who = "\(adcode) \(name)"
        guard !name.isEmpty else { throw GazetteerError(path: path + ".name", problem: "is empty") }
        guard let c = raw.centroid else { throw missing("centroid") }
        guard c.count == 2 else {
            throw GazetteerError(path: path + ".centroid", problem: "\(who): a point is [lon,lat], 2 numbers; this has \(c.count)")
        }
        let centroid = GeoPoint(lat: c[1], lon: c[0])
        guard centroid.isValid else {
            throw GazetteerError(path: path + ".centroid", problem: "\(who): \(c) is not a longitude and latitude")
        }
        guard let b = raw.bbox else { throw missing("bbox") }
        guard b.count == 4 else {
            throw GazetteerError(path: path + ".bbox", problem: "\(who): needs 4 numbers [minLon,minLat,maxLon,maxLat], has \(b.count)")
        }
        guard let rings = raw.rings else { throw missing("rings") }
        guard !rings.isEmpty else { throw GazetteerError(path: path + ".rings", problem: "\(who) has no ring") }
        for (r, ring) in rings.enumerated() where ring.count < 3 {
            throw GazetteerError(path: "\(path).rings[\(r)]", problem: "\(who): a ring needs at least 3 points, this one has \(ring.count)")
        }
        let division = Division(adcode: adcode, name: name, parent: raw.parent, kind: kind, centroid: centroid, rings: rings)
        // The file's bbox is for other readers; ours is computed. A disagreement means the file
        // was edited by hand or cut short, and its rings cannot be trusted either.
        let mine = division.bbox
        let tolerance = 1e-6
        guard abs(b[0] - mine.minLon) <= tolerance, abs(b[1] - mine.minLat) <= tolerance,
              abs(b[2] - mine.maxLon) <= tolerance, abs(b[3] - mine.maxLat) <= tolerance else {
            throw GazetteerError(path: path + ".bbox", problem: "\(who): \(b) is not the extent of its rings, \(mine); regenerate the file with scripts/derive-geo.py")
        }
        return division
    }
}

/// What the file holds, before any check but the JSON syntax and the shape of each value.
/// Keys it does not know are skipped, so a newer file with more fields still loads.
private struct RawFile {
    var attribution: String?
    var crs: String?
    var source: String?
    var province: RawDivision?
    var cities: [RawDivision]?
    var counties: [RawDivision]?

    init(json: Data) throws(GazetteerError) {
        var parser = PathTracker()
        var file = RawFile()
        do {
            // An untyped closure: Swift 6.3 crashes compiling a typed-throws one passed to
            // Data.withUnsafeBytes (a reabstraction thunk in IRGen).
            try json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws in
                var r = JSONReader(bytes)
                try parser.expect(.object, &r)
                try r.readObject { key, r throws(JSONError) in
                    if key == "attribution" { file.attribution = try parser.string(&r, "attribution") }
                    else if key == "crs" { file.crs = try parser.string(&r, "crs") }
                    else if key == "source" { file.source = try parser.string(&r, "source") }
                    else if key == "province" { file.province = try parser.division(&r, "province") }
                    else if key == "cities" { file.cities = try parser.divisions(&r, "cities") }
                    else if key == "counties" { file.counties = try parser.divisions(&r, "counties") }
                }
                try r.expectEnd()
            }
        } catch {
            throw parser.failure ?? GazetteerError(path: parser.rendered, problem: "not readable JSON: \(error)")
        }
        self = file
    }

    private init() {}
}

private struct RawDivision {
    var adcode: String?
    var name: String?
    var parent: String?
    var centroid: [Double]?
    var bbox: [Double]?
    var rings: [[GeoPoint]]?
}

/// Reads typed values while keeping the JSON path of the current one, so an error can say where
/// it is. Index steps only update an integer; the path is made into text only on failure.
private struct PathTracker {
    enum Step { case key(String), index(Int) }
    var steps: [Step] = []
    var failure: GazetteerError?

    var rendered: String {
        var out = ""
        for step in steps {
            switch step {
            case let .key(k): out += out.isEmpty ? k : ".\(k)"
            case let .index(i): out += "[\(i)]"
            }
        }
        return out
    }

    /// Records a problem at the current path; the returned error only unwinds the reader.
    mutating func fail(_ problem: String, _ r: borrowing JSONReader) -> JSONError {
        failure = GazetteerError(path: rendered, problem: problem)
        return JSONError(message: problem, offset: r.offset)
    }

    mutating func expect(_ kind: JSONKind, _ r: inout JSONReader) throws(JSONError) {
        let found = try r.nextKind()
        guard found == kind else {
            let names: [JSONKind: String] = [.object: "an object", .array: "an array", .string: "a string",
                                             .number: "a number", .bool: "true or false", .null: "null"]
            throw fail("expected \(names[kind]!), found \(names[found]!)", r)
        }
    }

    mutating func string(_ r: inout JSONReader, _ key: String) throws(JSONError) -> String {
        steps.append(.key(key))
        try expect(.string, &r)
        let s = try r.readString()
        steps.removeLast()
        return s
    }

    mutating func numbers(_ r: inout JSONReader, _ key: String) throws(JSONError) -> [Double] {
        steps.append(.key(key))
        try expect(.array, &r)
        var out: [Double] = []
        steps.append(.index(0))
        try r.readArray { r throws(JSONError) in
            steps[steps.count - 1] = .index(out.count)
            try expect(.number, &r)
            out.append(try r.readNumber())
        }
        steps.removeLast(2)
        return out
    }

    mutating func divisions(_ r: inout JSONReader, _ key: String) throws(JSONError) -> [RawDivision] {
        steps.append(.key(key))
        try expect(.array, &r)
        var out: [RawDivision] = []
        try r.readArray { r throws(JSONError) in
            out.append(try division(&r, index: out.count))
        }
        steps.removeLast()
        return out
    }

    mutating func division(_ r: inout JSONReader, _ key: String) throws(JSONError) -> RawDivision {
        steps.append(.key(key))
        defer { steps.removeLast() }
        return try division(&r, index: nil)
    }

    private mutating func division(_ r: inout JSONReader, index: Int?) throws(JSONError) -> RawDivision {
        if let index { steps.append(.index(index)) }
        try expect(.object, &r)
        var d = RawDivision()
        try r.readObject { key, r throws(JSONError) in
            if key == "adcode" { d.adcode = try string(&r, "adcode") }
            else if key == "name" { d.name = try string(&r, "name") }
            else if key == "parent" { d.parent = try string(&r, "parent") }
            else if key == "centroid" { d.centroid = try numbers(&r, "centroid") }
            else if key == "bbox" { d.bbox = try numbers(&r, "bbox") }
            else if key == "rings" { d.rings = try rings(&r) }
        }
        if index != nil { steps.removeLast() }
        return d
    }

    /// `[[[lon,lat],...],...]`, straight into points: the bulk of the file.
    private mutating func rings(_ r: inout JSONReader) throws(JSONError) -> [[GeoPoint]] {
        steps.append(.key("rings"))
        try expect(.array, &r)
        var out: [[GeoPoint]] = []
        steps.append(.index(0))
        steps.append(.index(0))
        try r.readArray { r throws(JSONError) in
            steps[steps.count - 2] = .index(out.count)
            try expect(.array, &r)
            var ring: [GeoPoint] = []
            try r.readArray { r throws(JSONError) in
                steps[steps.count - 1] = .index(ring.count)
                try expect(.array, &r)
                var pair: (Double, Double) = (0, 0)
                var n = 0
                try r.readArray { r throws(JSONError) in
                    try expect(.number, &r)
                    let v = try r.readNumber()
                    if n == 0 { pair.0 = v } else if n == 1 { pair.1 = v }
                    n += 1
                }
                guard n == 2 else { throw fail("a point is [lon,lat], 2 numbers; this has \(n)", r) }
                let p = GeoPoint(lat: pair.1, lon: pair.0)
                guard p.isValid else { throw fail("[\(pair.0),\(pair.1)] is not a longitude and latitude", r) }
                ring.append(p)
            }
            out.append(ring)
        }
        steps.removeLast(3)
        return out
    }
}
