import WatchfloorCore

/// An `alert` CloudEvent carrying a CAP document, as the weather bureau's feed sends one.
enum AlertLine {
    static func make(xml: String, at time: Instant) -> [UInt8] {
        var json = JSONWriter(capacity: xml.utf8.count + 256)
        json.beginObject()
        json.key("specversion"); json.string("1.0")
        // Never on the busy board yet, so it is decided rather than logged as a duplicate.
        json.key("id"); json.string("fuzz-cap-alert")
        json.key("source"); json.string("/sd/370100/weather")
        json.key("type"); json.string("alert")
        json.key("time"); json.string(time.rfc3339)
        json.key("datacontenttype"); json.string("application/cap+xml")
        json.key("data"); json.string(xml)
        json.endObject()
        return json.bytes
    }
}
