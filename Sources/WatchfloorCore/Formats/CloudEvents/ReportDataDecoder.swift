/// Decodes the `data` member of each message type.
enum ReportDataDecoder {
    static func report(_ e: Envelope, data: UnsafeRawBufferPointer, read early: Fields?) throws(RejectReason) -> Report {
        let d = try fields(e, data, early)
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

    static func update(_ e: Envelope, data: UnsafeRawBufferPointer, read early: Fields?) throws(RejectReason) -> ReportUpdate {
        let d = try fields(e, data, early)
        guard let ref = d.ref, !ref.isEmpty else { throw RejectReason("incident.update data has no `ref`") }
        return ReportUpdate(
            envelope: e, ref: ref, level: d.level, category: d.category.map { Category(rawValue: $0) ?? .other },
            title: d.title, description: d.description, location: try d.location(), address: d.address
        )
    }

    static func cancel(_ e: Envelope, data: UnsafeRawBufferPointer, read early: Fields?) throws(RejectReason) -> ReportCancel {
        let d = try fields(e, data, early)
        guard let ref = d.ref, !ref.isEmpty else { throw RejectReason("incident.cancel data has no `ref`") }
        return ReportCancel(envelope: e, ref: ref, reason: d.reason ?? "")
    }

    static func unitStatus(_ e: Envelope, data: UnsafeRawBufferPointer, read early: Fields?) throws(RejectReason) -> UnitStatusReport {
        let d = try fields(e, data, early)
        guard let unit = d.unit, !unit.isEmpty else { throw RejectReason("unit.status data has no `unit`") }
        guard let word = d.status else { throw RejectReason("unit.status data has no `status`") }
        guard let status = UnitStatus(rawValue: word) else {
            throw RejectReason("unit.status: unknown status \"\(word.prefix(30))\" (expected available, dispatched, enroute, onscene, returning or out_of_service)")
        }
        return UnitStatusReport(envelope: e, unit: unit, status: status, location: try d.location(), incident: d.incident)
    }

    /// The fields of `data`: as read in the envelope's pass when that succeeded (then only
    /// `check` is left to do), else read now, which reports any error.
    private static func fields(_ e: Envelope, _ data: UnsafeRawBufferPointer, _ early: Fields?) throws(RejectReason) -> Fields {
        if let early {
            try early.check()
            return early
        }
        var d = Fields()
        try d.read(data, type: e.type)
        return d
    }

    /// Reads an object `data` in the same pass as the envelope, so its bytes are not scanned
    /// twice. The read is tentative: on any error the value is skipped instead (and `fields`
    /// reads it again later, to report the error exactly as it always was), and a value
    /// that is not an object is only skipped.
    static func readEarly(_ reader: inout JSONReader) throws(JSONError) -> (Range<Int>, Fields?) {
        if reader.peekNonSpace() == UInt8(ascii: "{") {
            let start = reader.offset
            var fork = reader.fork()
            var d = Fields()
            if (try? d.readMembers(&fork)) != nil {
                reader.resume(at: fork.offset)
                return (start..<fork.offset, d)
            }
        }
        return (try reader.skipValue(), nil)
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
        /// The first member that is valid JSON but not a valid value.
        var problem: RejectReason?

        mutating func read(_ data: UnsafeRawBufferPointer, type: String) throws(RejectReason) {
            var reader = JSONReader(data)
            guard (try? reader.nextKind()) == .object else { throw RejectReason("\(type) `data` must be a JSON object") }
            do throws(JSONError) {
                try readMembers(&reader)
            } catch {
                throw RejectReason("\(type) `data`: \(error)")
            }
            try check()
        }

        /// Reads the members of the object at the reader. JSON errors are thrown; a member
        /// that is valid JSON but not a valid value is only noted, for `check`.
        mutating func readMembers(_ r: inout JSONReader) throws(JSONError) {
            var members = try r.enterObject()
            while let key = try r.nextMember(&members) {
                // Switch on the length first: one or two comparisons per member.
                switch key.length {
                case 3 where key == "ref": ref = try string(&r)
                case 3 where key == "lat": lat = try number(&r)
                case 3 where key == "lon": lon = try number(&r)
                case 4 where key == "unit": unit = try string(&r)
                case 4 where key == "refs": try readRefs(&r)
                case 5 where key == "title": title = try string(&r)
                case 5 where key == "level": try readLevel(&r)
                case 6 where key == "adcode": adcode = try string(&r)
                case 6 where key == "reason": reason = try string(&r)
                case 6 where key == "status": status = try string(&r)
                case 7 where key == "address": address = try string(&r)
                case 8 where key == "category": category = try string(&r)
                case 8 where key == "reporter": reporter = try string(&r)
                case 8 where key == "incident": incident = try string(&r)
                case 11 where key == "description": description = try string(&r)
                default: extras.append((key.string, try r.readValue()))
                }
            }
        }

        private mutating func readLevel(_ r: inout JSONReader) throws(JSONError) {
            guard let word = try string(&r) else { return }
            level = Level(rawValue: word)
            if level == nil, problem == nil {
                problem = RejectReason("`level` \"\(word.prefix(10))\" is not one of I, II, III, IV")
            }
        }

        private mutating func readRefs(_ r: inout JSONReader) throws(JSONError) {
            if r.readNullIfPresent() { return }
            guard try r.nextKind() == .array else { throw r.error("`refs` must be an array of strings") }
            var elements = try r.enterArray()
            while try r.nextElement(&elements) {
                guard try r.nextKind() == .string else { throw r.error("`refs` must be an array of strings") }
                refs.append(try r.readString())
            }
        }

        /// What `readMembers` noted, then the admin code's form.
        func check() throws(RejectReason) {
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
