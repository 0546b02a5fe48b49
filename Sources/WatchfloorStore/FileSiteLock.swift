import Foundation

/// A site's lock on a SQLite store: `flock` on a file beside the database, which the kernel
/// releases when the holding process ends, however it ends. It gives the same standby as on
/// PostgreSQL to ingesters on one machine, which is all a SQLite file can serve anyway.
/// The holder writes who it is into the file for the standby to tell.
public final class FileSiteLock: SiteLock, @unchecked Sendable {
    public let site: String
    /// `<database>.site-<site>.lock`, the site's name made safe for a file name.
    public let path: String
    private var descriptor: Int32 = -1

    public init(databasePath: String, site: String) {
        self.site = site
        let safe = String(site.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.+".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
        })
        path = "\(databasePath).site-\(safe).lock"
    }

    deinit { release() }

    public func tryAcquire() throws(StoreError) -> Bool {
        guard descriptor < 0 else { return true }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError("cannot open the site lock \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            close(fd)
            if failure == EWOULDBLOCK { return false }
            throw StoreError("cannot lock the site lock \(path): \(String(cString: strerror(failure)))")
        }
        descriptor = fd
        let note = Array("\(SiteKey.holderName)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, note, note.count, 0)
        return true
    }

    /// A lock on an open file is not lost while the process lives.
    public func isHeld() -> Bool { descriptor >= 0 }

    public func holder() -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? nil : line
    }

    /// Closes the file, which lets the lock go. The file stays: removing it could let two
    /// processes lock two different files of one name.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }
}
