/// Decodes the `data` member of each message type.
enum ReportDataDecoder {
    static func report(_ e: Envelope, data: UnsafeRawBufferPointer) throws(RejectReason) -> Report {
        var d = Fields()
        try d.read(data, type: e.type)
        guard let word = d.category else { throw RejectReason("incident.report data has no `category`") }
        let category = Category(rawValue: word) ?? .other
        let location = try d.location()
        if location == nil && d.adcode == nil {
            throw RejectReason("incident.report has neither lat/lon nor adcode: the board cannot place it")
        }
        let title = d.title.flatMap { $0.isEmpty ? nil : $0 } ?? d.address ?? category.chineseName
        return Report(
            key: e.key, agency: e.agency, sourceAdcode: e.sourceAdcode, time: e.time, category: category,
            categoryWord: category == .other ? word : nil, level: d.level, title: title,
            description: d.description, location: location, adcode: d.adcode, address: d.address,
            reporter: d.reporter, refs: d.refs, extras: d.extras
        )
    }

    static func update(_ e: Envelope, data: UnsafeRawBufferPointer) throws(RejectReason) -> ReportUpdate {
        var d = Fields()
        try d.read(data, type: e.type)
        guard let ref = d.ref, !ref.isEmpty else { throw RejectReason("incident.update data has no `ref`") }
        return ReportUpdate(
            envelope: e, ref: ref, level: d.level, category: d.category.map { Category(rawValue: $0) ?? .other },
            title: d.title, description: d.description, location: try d.location(), address: d.address
        )
    }

    static func cancel(_ e: Envelope, data: UnsafeRawBufferPointer) throws(RejectReason) -> ReportCancel {
        var d = Fields()
        try d.read(data, type: e.type)
        guard let ref = d.ref, !ref.isEmpty else { throw RejectReason("incident.cancel data has no `ref`") }
        return ReportCancel(envelope: e, ref: ref, reason: d.reason ?? "")
    }

    static func unitStatus(_ e: Envelope, data: UnsafeRawBufferPointer) throws(RejectReason) -> UnitStatusReport {
        var d = Fields()
        try d.read(data, type: e.type)
        guard let unit = d.unit, !unit.isEmpty else { throw RejectReason("unit.status data has no `unit`") }
        guard let word = d.status else { throw RejectReason("unit.status data has no `status`") }
        guard let status = UnitStatus(rawValue: word) else {
            throw RejectReason("unit.status: unknown status \"\(word.prefix(30))\" (expected available, dispatched, enroute, onscene, returning or out_of_service)")
        }
        return UnitStatusReport(envelope: e, unit: unit, status: status, location: try d.location(), incident: d.incident)
    }

    static func capText(_ data: UnsafeRawBufferPointer) throws(RejectReason) -> String {
        var reader = JSONReader(data)
        guard (try? reader.nextKind()) == .string else { throw RejectReason("alert `data` must be the CAP XML document as a string") }
        do throws(JSONError) {
            return try reader.readString()
        } catch {
            throw RejectReason("alert `data`: \(error)")
        }
    }

    /// Every member any `data` may have; unknown ones are kept as extras.
    struct Fields {
        var category, title, description, adcode, address, reporter, ref, reason, unit, status, incident: String?
        var level: Level?
        var lat, lon: Double?
        var refs: [String] = []
        var extras: [(String, JSONValue)] = []

        mutating func read(_ data: UnsafeRawBufferPointer, type: String) throws(RejectReason) {
            var reader = JSONReader(data)
            var problem: RejectReason?
            guard (try? reader.nextKind()) == .object else { throw RejectReason("\(type) `data` must be a JSON object") }
            do throws(JSONError) {
                try reader.readObject { (key, r) throws(JSONError) in
                    if key == "category" { category = try string(&r) }
                    else if key == "title" { title = try string(&r) }
                    else if key == "description" { description = try string(&r) }
                    else if key == "adcode" { adcode = try string(&r) }
                    else if key == "address" { address = try string(&r) }
                    else if key == "reporter" { reporter = try string(&r) }
                    else if key == "ref" { ref = try string(&r) }
                    else if key == "reason" { reason = try string(&r) }
                    else if key == "unit" { unit = try string(&r) }
                    else if key == "status" { status = try string(&r) }
                    else if key == "incident" { incident = try string(&r) }
                    else if key == "lat" { lat = try number(&r) }
                    else if key == "lon" { lon = try number(&r) }
                    else if key == "level" {
                        if let word = try string(&r) {
                            level = Level(rawValue: word)
                            if level == nil, problem == nil {
                                problem = RejectReason("`level` \"\(word.prefix(10))\" is not one of I, II, III, IV")
                            }
                        }
                    } else if key == "refs" {
                        if !r.readNullIfPresent() {
                            guard try r.nextKind() == .array else { throw r.error("`refs` must be an array of strings") }
                            try r.readArray { (r) throws(JSONError) in
                                guard try r.nextKind() == .string else { throw r.error("`refs` must be an array of strings") }
                                refs.append(try r.readString())
                            }
                        }
                    } else {
                        extras.append((key.string, try r.readValue()))
                    }
                }
            } catch {
                throw RejectReason("\(type) `data`: \(error)")
            }
            if let problem { throw problem }
            if let adcode, !isAdcode(adcode) {
                throw RejectReason("`adcode` \"\(adcode.prefix(12))\" is not a 6-digit admin code")
            }
        }

        func location() throws(RejectReason) -> GeoPoint? {
            switch (lat, lon) {
            case (nil, nil): return nil
            case let (lat?, lon?):
                let p = GeoPoint(lat: lat, lon: lon)
                guard p.isValid else { throw RejectReason("lat/lon \(lat),\(lon) is not a position on earth") }
                return p
            default:
                throw RejectReason("`lat` and `lon` must come together")
            }
        }
    }
}

/// A string member, with `null` read as absent.
private func string(_ r: inout JSONReader) throws(JSONError) -> String? {
    if r.readNullIfPresent() { return nil }
    guard try r.nextKind() == .string else { throw r.error("expected a string") }
    return try r.readString()
}

private func number(_ r: inout JSONReader) throws(JSONError) -> Double? {
    if r.readNullIfPresent() { return nil }
    guard try r.nextKind() == .number else { throw r.error("expected a number") }
    return try r.readNumber()
}
