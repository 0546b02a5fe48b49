/// Reads a well-formed `source` (`/sd/<adcode>/<agency>`, DESIGN §3.1) straight from its
/// bytes. Anything else gets nil, and the caller's slower parser explains what is wrong.
enum SourcePath {
    static func parse(_ b: UnsafeRawBufferPointer) -> (adcode: String, agency: Agency)? {
        // "/sd/" + six digits + "/" + an agency's name.
        guard b.count > 11, b[0] == UInt8(ascii: "/"), b[1] == UInt8(ascii: "s"), b[2] == UInt8(ascii: "d"),
              b[3] == UInt8(ascii: "/"), b[10] == UInt8(ascii: "/")
        else { return nil }
        for i in 4..<10 where !isDigit(b[i]) { return nil }
        guard let agency = agency(UnsafeRawBufferPointer(rebasing: b[11...])) else { return nil }
        // Six ASCII bytes fit a small String: no allocation.
        return (String(decoding: UnsafeRawBufferPointer(rebasing: b[4..<10]), as: UTF8.self), agency)
    }

    static func agency(_ name: UnsafeRawBufferPointer) -> Agency? {
        switch name.count {
        case 4: bytesEqual(name, "fire") ? .fire : nil
        case 5: bytesEqual(name, "urban") ? .urban : nil
        case 6: bytesEqual(name, "police") ? .police : nil
        case 7: bytesEqual(name, "weather") ? .weather : nil
        case 9:
            if bytesEqual(name, "emergency") { .emergency } else if bytesEqual(name, "transport") { .transport } else { nil }
        default: nil
        }
    }
}

/// The message types of DESIGN §3.1, as constant Strings: a known type costs no allocation.
enum MessageType {
    static func known(_ b: UnsafeRawBufferPointer) -> String? {
        switch b.count {
        case 5: bytesEqual(b, "alert") ? "alert" : nil
        case 11: bytesEqual(b, "unit.status") ? "unit.status" : nil
        case 14: bytesEqual(b, "feed.heartbeat") ? "feed.heartbeat" : nil
        case 15:
            if bytesEqual(b, "incident.report") { "incident.report" }
            else if bytesEqual(b, "incident.update") { "incident.update" }
            else if bytesEqual(b, "incident.cancel") { "incident.cancel" }
            else { nil }
        default: nil
        }
    }
}
