import WatchfloorCore

/// The events of one generated incident, and the day's heartbeats and warning.
extension DayGenerator {
    mutating func scheduleIncident(_ kind: DayTemplates.Kind, at t: Int64) {
        let (county, point) = place()
        let cityName = gazetteer.division(adcode: county.parent ?? "")?.name ?? ""
        let street = random.pick(DayTemplates.streets)
        let spot = random.pick(DayTemplates.spots).replacingOccurrences(of: "%@", with: random.pick(DayTemplates.streets))
        let placeText = street + spot
        let address = "山东省\(cityName)\(county.name)\(placeText)"
        let level = random.pick(kind.levels)
        let roll = random.unit()
        let reporters = min(kind.agencies.count, roll < 0.5 ? 1 : roll < 0.85 ? 2 : 3)
        var first: (source: String, id: String)?
        for i in 0..<reporters {
            let agency = kind.agencies[i]
            let time = i == 0 ? t : t + Int64(20_000 + random.below(160_000))
            let position = i == 0 ? GeoPoint(lat: point.lat.roundedTo5, lon: point.lon.roundedTo5)
                                  : nudge(point, metres: 10 + random.unit() * 140)
            let located = random.unit() > 0.05
            let titles = kind.titles[agency] ?? kind.titles[kind.agencies[0]]!
            let title = random.pick(titles).replacingOccurrences(of: "%@", with: placeText)
            let source = "/sd/\(county.adcode)/\(agency.rawValue)"
            let id = nextID(agency)
            var refs: [String] = []
            if let first, random.unit() < 0.15 { refs = ["\(first.source)#\(first.id)"] }
            var w = event(id: id, source: source, type: "incident.report", time: time)
            w.key("data")
            w.beginObject()
            w.member("category", kind.category.rawValue)
            w.member("level", level.rawValue)
            w.member("title", title)
            w.member("description", "\(DayTemplates.reporters[agency] ?? "")接报：\(title)。")
            if located {
                w.member("lat", position.lat)
                w.member("lon", position.lon)
            }
            w.member("adcode", county.adcode)
            w.member("address", address)
            w.member("reporter", DayTemplates.reporters[agency] ?? agency.chineseName)
            w.key("refs")
            w.beginArray()
            for r in refs { w.string(r) }
            w.endArray()
            w.endObject()
            w.endObject()
            schedule(time, w.bytes)
            if first == nil { first = (source, id) }
        }
        guard let first else { return }
        let followUp = random.unit()
        if followUp < 0.08 {
            let time = t + Int64(300_000 + random.below(1_500_000))
            var w = event(id: nextID(kind.agencies[0]), source: first.source, type: "incident.update", time: time)
            w.key("data")
            w.beginObject()
            w.member("ref", first.id)
            w.member("level", (level == .IV ? Level.III : level).rawValue)
            w.member("description", "现场情况更新：态势\(level == .IV ? "升级" : "持续")，已有力量处置。")
            w.endObject()
            w.endObject()
            schedule(time, w.bytes)
        } else if followUp < 0.11 && reporters == 1 {
            let time = t + Int64(120_000 + random.below(480_000))
            var w = event(id: nextID(kind.agencies[0]), source: first.source, type: "incident.cancel", time: time)
            w.key("data")
            w.beginObject()
            w.member("ref", first.id)
            w.member("reason", "核实为误报")
            w.endObject()
            w.endObject()
            schedule(time, w.bytes)
        }
        if random.unit() < 0.3 { scheduleUnit(for: kind.agencies[0], county: county, near: point, incident: first, at: t) }
    }

    /// A unit of the first agency in that city answers: dispatched, en route, on scene, free.
    mutating func scheduleUnit(for agency: Agency, county: Division, near point: GeoPoint, incident: (source: String, id: String), at t: Int64) {
        let candidates = unitsByCity["\(agency.rawValue)/\(county.adcode.prefix(4))"] ?? []
        guard !candidates.isEmpty else { return }
        let unit = random.pick(candidates)
        let steps: [(UnitStatus, Int64, GeoPoint)] = [
            (.dispatched, 60_000, unit.home), (.enroute, 120_000, unit.home),
            (.onscene, 600_000 + Int64(random.below(600_000)), point), (.available, 2_400_000 + Int64(random.below(1_200_000)), point),
        ]
        for (status, offset, where_) in steps {
            var w = event(id: nextID(agency), source: "/sd/\(unit.adcode.isEmpty ? county.adcode : unit.adcode)/\(agency.rawValue)",
                          type: "unit.status", time: t + offset)
            w.key("data")
            w.beginObject()
            w.member("unit", unit.id)
            w.member("status", status.rawValue)
            w.member("lat", where_.lat.roundedTo5)
            w.member("lon", where_.lon.roundedTo5)
            if status != .available { w.member("incident", "\(incident.source)#\(incident.id)") }
            w.endObject()
            w.endObject()
            schedule(t + offset, w.bytes)
        }
    }

    mutating func heartbeat(_ agency: Agency, at t: Int64) -> [UInt8] {
        var w = event(id: nextID(agency), source: "/sd/370000/\(agency.rawValue)", type: "feed.heartbeat", time: t)
        w.key("data")
        w.beginObject()
        w.endObject()
        w.endObject()
        return w.bytes
    }

    /// A yellow gale warning over one city for the day, then its cancellation.
    mutating func scheduleWarning(at t: Int64) {
        let city = random.pick(gazetteer.cities)
        let issued = Instant(milliseconds: t)
        let expires = Instant(milliseconds: t + 14 * 3_600_000)
        let identifier = "\(city.adcode)0000000_\(dateStamp)0600"
        let sender = "\(city.name)气象台"
        let ring = city.rings.first ?? []
        let step = max(1, ring.count / 40)
        let polygon = stride(from: 0, to: ring.count, by: step).map { "\(ring[$0].lat.roundedTo5),\(ring[$0].lon.roundedTo5)" }
            + (ring.first.map { ["\($0.lat.roundedTo5),\($0.lon.roundedTo5)"] } ?? [])
        let alert = CAPText.alert(
            identifier: identifier, sender: sender, sent: issued, msgType: "Alert", references: nil,
            event: "大风黄色预警", severity: "Moderate", headline: "\(sender)发布大风黄色预警信号",
            description: "受冷空气影响，预计未来12小时\(city.name)将出现6级以上大风，阵风8级。",
            effective: issued, expires: expires, areaDesc: city.name, polygon: polygon.joined(separator: " "), geocode: city.adcode
        )
        var w = event(id: nextID(.weather), source: "/sd/\(city.adcode)/weather", type: "alert", time: t, contentType: "application/cap+xml")
        w.member("data", alert)
        w.endObject()
        schedule(t, w.bytes)
        let cancelAt = Instant(milliseconds: t + 10 * 3_600_000)
        let cancel = CAPText.alert(
            identifier: identifier + "_C", sender: sender, sent: cancelAt, msgType: "Cancel",
            references: "\(sender),\(identifier),\(issued.capTime)", event: "大风黄色预警", severity: "Moderate",
            headline: "\(sender)解除大风黄色预警信号", description: "大风已减弱，解除预警。",
            effective: cancelAt, expires: expires, areaDesc: city.name, polygon: polygon.joined(separator: " "), geocode: city.adcode
        )
        var c = event(id: nextID(.weather), source: "/sd/\(city.adcode)/weather", type: "alert", time: cancelAt.milliseconds, contentType: "application/cap+xml")
        c.member("data", cancel)
        c.endObject()
        schedule(cancelAt.milliseconds, c.bytes)
    }

    /// The envelope of an event, left open for `data`.
    func event(id: String, source: String, type: String, time: Int64, contentType: String? = nil) -> JSONWriter {
        var w = JSONWriter(capacity: 512)
        w.beginObject()
        w.member("specversion", "1.0")
        w.member("id", id)
        w.member("source", source)
        w.member("type", type)
        w.member("time", Instant(milliseconds: time).feedTime)
        w.member("datacontenttype", contentType)
        return w
    }
}

extension Instant {
    /// Feeds send whole seconds: `2026-11-24T08:03:12+08:00`.
    var feedTime: String {
        let s = rfc3339
        return String(s.prefix(19)) + "+08:00"
    }

    var capTime: String { feedTime }
}
