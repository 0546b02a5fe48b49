import Foundation

/// The right to be a site's one ingester: whoever holds a site's lock reads its feeds into the
/// store; any other ingester for the site waits as its standby. The lock belongs to the holder's
/// process (or its connection), so a holder that dies, even by `kill -9`, lets the standby in.
///
/// A site lock keeps feeds from being read twice, not reports from being accepted twice: that
/// is the store's write lock's work, under which every writer folds in what the others wrote.
public protocol SiteLock: AnyObject {
    /// The site's name, as `--site` gave it.
    var site: String { get }

    /// Tries once, without waiting, to take the lock; true when this process now holds it.
    /// Throws when it cannot even ask (the server is unreachable).
    func tryAcquire() throws(StoreError) -> Bool

    /// Whether the lock taken is still this process's. False once it is lost (the connection
    /// that held it is gone): from then on, another may hold it.
    func isHeld() -> Bool

    /// Who holds the lock now, in words for the standby's message; nil when it cannot be told.
    func holder() -> String?

    /// Lets the lock go (or stops asking for it); later calls may take it again.
    func release()
}

/// A site's name as a number, for locks keyed by numbers: 32-bit FNV-1a of its UTF-8, kept
/// positive (PostgreSQL shows advisory keys as `oid`s). Two sites whose names collide would only
/// share one standby queue, never lose a report.
enum SiteKey {
    static func number(_ site: String) -> Int32 {
        var hash: UInt32 = 2_166_136_261
        for byte in site.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int32(bitPattern: hash & 0x7FFF_FFFF)
    }

    /// What the holder tells a standby about itself: its process and machine.
    static var holderName: String {
        "pid \(getpid()) on \(ProcessInfo.processInfo.hostName)"
    }
}
