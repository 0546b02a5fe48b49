import Testing
@testable import WatchfloorCore

@Suite("Instants")
struct InstantTests {
    @Test("RFC 3339 times in any offset are the same instant", arguments: [
        ("2026-07-15T17:42:10+08:00", Int64(1_784_108_530_000)),
        ("2026-07-15T09:42:10Z", 1_784_108_530_000),
        ("2026-07-15T09:42:10.250z", 1_784_108_530_250),
        ("2026-07-15t04:42:10-05:00", 1_784_108_530_000),
        ("2024-02-29T00:00:00+08:00", 1_709_136_000_000),
    ])
    func parse(text: String, ms: Int64) {
        #expect(Instant(rfc3339: text)?.milliseconds == ms)
    }

    @Test("bad times are refused", arguments: [
        "2026-07-15", "2026-07-15T17:42:10", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
        "2025-02-29T00:00:00Z", "2026-07-15T24:00:00Z", "2026-07-15T17:42:10+08", "2026-07-15T17:42:10.Z", "yesterday",
    ])
    func refuse(text: String) {
        #expect(Instant(rfc3339: text) == nil)
    }

    @Test("the log writes China Standard Time with milliseconds and reads it back")
    func format() {
        let t = Instant(rfc3339: "2026-07-01T00:03:12.25Z")!
        #expect(t.rfc3339 == "2026-07-01T08:03:12.250+08:00")
        #expect(Instant(rfc3339: t.rfc3339) == t)
        #expect(Instant(milliseconds: 0).rfc3339 == "1970-01-01T08:00:00.000+08:00")
        #expect(Instant(rfc3339: "1969-12-31T23:59:59.999Z")!.rfc3339 == "1970-01-01T07:59:59.999+08:00")
    }
}
