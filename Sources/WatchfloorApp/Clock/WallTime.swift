import Foundation
import WatchfloorCore

/// The time of day as a live board counts it: in leases, staleness, the status bar's clock and
/// the ages of incidents and orders.
///
/// It is the machine's clock — except in a debug build started with `WATCHFLOOR_TEST_NOW` (an
/// RFC 3339 instant), where it starts at that instant and runs on at the machine's pace. The
/// tests use it to let a lease lapse or an incident grow old without waiting for it, and to
/// know what the screen must show. A release build never reads the variable: otherwise a
/// gateway could take another's live claim just by naming a later time.
enum WallTime {
    /// Now, as an instant of the log.
    static func now() -> Instant {
        Instant(secondsSince1970: secondsSince1970())
    }

    /// Now, in seconds since 1970.
    static func secondsSince1970() -> Double {
        Date().timeIntervalSince1970 + offset
    }

    /// Seconds added to the machine's clock: 0 unless a debug build was told otherwise.
    private static let offset: Double = {
        #if DEBUG
        if let given = ProcessInfo.processInfo.environment["WATCHFLOOR_TEST_NOW"], !given.isEmpty {
            guard let start = Instant(rfc3339: given) else {
                fatalError("WATCHFLOOR_TEST_NOW is not an RFC 3339 instant: \(given)")
            }
            return start.secondsSince1970 - Date().timeIntervalSince1970
        }
        #endif
        return 0
    }()
}
