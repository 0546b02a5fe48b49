/// A moment in time as milliseconds since the Unix epoch. Core has no clock of its own:
/// instants come from feed messages or are passed in by the runtime (DESIGN §2).
public struct Instant: Sendable, Hashable, Comparable, Codable {
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public init(secondsSince1970 seconds: Double) {
        self.milliseconds = Int64((seconds * 1000).rounded())
    }

    public static func < (a: Instant, b: Instant) -> Bool { a.milliseconds < b.milliseconds }

    public func adding(seconds: Double) -> Instant {
        Instant(milliseconds: milliseconds + Int64((seconds * 1000).rounded()))
    }

    /// Seconds from `other` to `self`.
    public func seconds(since other: Instant) -> Double {
        Double(milliseconds - other.milliseconds) / 1000
    }

    public var secondsSince1970: Double { Double(milliseconds) / 1000 }
}

extension Instant {
    /// China Standard Time has no daylight saving: the command centre's clock is always +08:00.
    static let chinaOffsetMinutes = 8 * 60

    /// RFC 3339 in China Standard Time with milliseconds: `2026-07-01T08:03:12.250+08:00`.
    public var rfc3339: String {
        var out = [UInt8]()
        out.reserveCapacity(Self.rfc3339Length)
        appendRFC3339(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static let rfc3339Length = 29

    /// Appends the bytes of `rfc3339` (always ASCII, never in need of JSON escapes): every log
    /// line carries one, and this makes no String for it.
    public func appendRFC3339(to out: inout [UInt8]) {
        var ms = milliseconds + Int64(Self.chinaOffsetMinutes) * 60_000
        let millis = Int(((ms % 1000) + 1000) % 1000)
        ms = (ms - Int64(millis)) / 1000
        var days = ms / 86_400
        var secs = Int(ms - days * 86_400)
        if secs < 0 {
            secs += 86_400
            days -= 1
        }
        let (y, m, d) = civilDate(daysSinceEpoch: days)
        let year = Int(y)
        // Filled in on the stack and appended at once: one capacity check, not 29.
        var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { t in
            func two(_ at: Int, _ v: Int) {
                t[at] = UInt8(48 + v / 10)
                t[at + 1] = UInt8(48 + v % 10)
            }
            two(0, (year / 100) % 100); two(2, year % 100); t[4] = 45; two(5, m); t[7] = 45; two(8, d)
            t[10] = 84; two(11, secs / 3600); t[13] = 58; two(14, secs / 60 % 60); t[16] = 58; two(17, secs % 60)
            t[19] = 46; t[20] = UInt8(48 + millis / 100); two(21, millis % 100)
            t[23] = 43; two(24, 8); t[26] = 58; two(27, 0)
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: t[0..<Self.rfc3339Length]))
        }
    }

    /// `HH:MM:SS` on the command centre's clock, for the screen and summaries.
    public var clockTime: String {
        let s = rfc3339
        let start = s.index(s.startIndex, offsetBy: 11)
        return String(s[start..<s.index(start, offsetBy: 8)])
    }

    /// Parses RFC 3339 (`2026-07-15T17:42:10+08:00`, `...10.5Z`, lower-case `t`/`z` too).
    public init?(rfc3339 text: String) {
        var copy = text
        guard let v = copy.withUTF8({ Instant.parse(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = v
    }

    static func parse(_ b: UnsafeRawBufferPointer) -> Instant? {
        // YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
        guard b.count >= 20 else { return nil }
        func digits(_ at: Int, _ n: Int) -> Int? {
            var v = 0
            for i in at..<(at + n) {
                let c = b[i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let year = digits(0, 4), b[4] == 45, let month = digits(5, 2), b[7] == 45,
              let day = digits(8, 2), b[10] == 84 || b[10] == 116 || b[10] == 32,
              let hour = digits(11, 2), b[13] == 58, let minute = digits(14, 2), b[16] == 58,
              let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second <= 60
        else { return nil }
        var i = 19
        var millis = 0
        if b[i] == 46 {
            i += 1
            var scale = 100
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                millis += Int(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
            if i == start { return nil }
        }
        guard i < b.count else { return nil }
        var offsetMinutes = 0
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45 {
            guard i + 6 == b.count, let oh = digits(i + 1, 2), b[i + 3] == 58, let om = digits(i + 4, 2),
                  oh < 24, om < 60
            else { return nil }
            offsetMinutes = (oh * 60 + om) * (b[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let secs = days * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offsetMinutes * 60)
        return Instant(milliseconds: secs * 1000 + Int64(millis))
    }
}

private func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

private func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}

/// Howard Hinnant's days_from_civil.
func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = Int64((month + 9) % 12)
    let doy = (153 * mp + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

/// Howard Hinnant's civil_from_days.
func civilDate(daysSinceEpoch z0: Int64) -> (Int64, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = Int(doy - (153 * mp + 2) / 5 + 1)
    let m = Int(mp < 10 ? mp + 3 : mp - 9)
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
}
