import Foundation
import WatchfloorCore

/// `watchfloor demo generate`: an ordinary day of feed messages, to stdout or a file.
public enum DemoCommand {
    public static func generate(seed: UInt64, events: Int, date: String, output path: String?) throws(AppError) {
        guard events > 0 else { throw AppError("--events must be at least 1") }
        let reference = try Reference.load(try DataFiles.locate())
        var generator = try DayGenerator(gazetteer: reference.gazetteer, units: reference.units, seed: seed, events: events, date: date)
        let fd: Int32
        if let path {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw AppError("cannot write \(path): \(String(cString: strerror(errno)))") }
        } else {
            fd = 1
        }
        defer { if path != nil { close(fd) } }
        let output = LogOutput(fd: fd)
        generator.generate { output.write(line: $0) }
        output.flush()
        if output.closed && path != nil { throw AppError("could not write all of \(path!): \(String(cString: strerror(errno)))") }
    }
}
