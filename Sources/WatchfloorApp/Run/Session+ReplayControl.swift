import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorStore
import WatchfloorUI

/// A trainer's control of the replay: pause and resume, speed, seek to a time and step to
/// the next message. These change only this console and are not logged (DESIGN §4).
extension Session {
    func replayControl(_ verb: String, _ argument: String, wall: Double) throws(AppError) {
        guard mode == .training, tape != nil else {
            answer(.rejected, "\(verb): " + strings.pick("只有演练回放可以暂停、调速或跳转", "only a training replay can be paused, sped up or moved"))
            return
        }
        switch verb {
        case "pause":
            replayClock.setPaused(!replayClock.paused, wall: wall)
            answer(.accepted, replayClock.paused ? "pause" : "resume")
        case "resume":
            replayClock.setPaused(false, wall: wall)
            answer(.accepted, "resume")
        case "seek", "step":
            // Both commit the lines they play: refused, as a board command is, while the
            // store is out of reach or the board awaits its reload after a broken commit.
            guard storeTrouble == nil, !boardUnconfirmed else {
                answer(.rejected, "\(verb): " + strings.pick("存储不可达（正在重连），恢复后请重新输入", "the store cannot be reached (reconnecting); type it again once it is back"))
                break
            }
            let heard = activity
            do throws(AppError) {
                if verb == "seek" { try seek(argument, wall: wall) } else { try step(wall: wall) }
            } catch {
                guard error.storeUnreachable, logWatch != nil else { throw error }
                activity = heard
                unconfirmBoard(wall: wall)
                answer(.rejected, "\(verb): " + strings.pick("提交时与存储的连接中断，回放未移动；恢复后请重新输入", "the connection to the store broke while committing; the replay did not move — type it again once the store is back"))
            }
        default:
            if argument == "max" {
                replayClock.setSpeed(nil, wall: wall)
                answer(.accepted, "speed max")
            } else if let x = Double(argument), x >= 0.5, x <= 1000 {
                replayClock.setSpeed(x, wall: wall)
                answer(.accepted, "speed \(argument)")
            } else {
                answer(.rejected, "speed \(argument): " + strings.pick("速度为 0.5 到 1000 之间的倍数，或 max", "speed is a multiple from 0.5 to 1000, or max"))
            }
        }
        dirty = true
    }

    /// The scenario's time now: the replay's clock, or the newest entry's once the recording
    /// has ended or plays as fast as it can.
    func scenarioNow(wall: Double) -> Instant? {
        guard mode == .training, let tape, !tape.ended,
              let now = replayClock.scenarioTime(wall: wall), now.milliseconds != .max else { return intake.board.clock }
        return intake.board.clock.map { max($0, now) } ?? now
    }

    /// `seek 16:30`, `seek 16:30:15`, `seek +10m`, `seek -90s`: forward plays every message
    /// up to that time at once; back rebuilds the board from the recording's start.
    private func seek(_ argument: String, wall: Double) throws(AppError) {
        guard let now = scenarioNow(wall: wall) ?? tape?.firstTime, let target = Self.seekTarget(argument, from: now) else {
            answer(.rejected, "seek \(argument): " + strings.pick("写作 HH:MM[:SS]、+10m 或 -90s", "write HH:MM[:SS], +10m or -90s"))
            return
        }
        var rewound: String?
        if target < now {
            guard let outcome = try rewind() else { return }
            rewound = outcome
        }
        try play(until: target, deadline: .infinity)
        replayClock.seek(to: target, wall: wall)
        answer(.accepted, "seek \(target.clockTime)" + (rewound.flatMap { $0.isEmpty ? nil : $0 }.map {
            // The name is enough on one line: it sits beside the first run's store, and the
            // whole path is printed when the console closes.
            let name = URL(fileURLWithPath: $0).lastPathComponent
            return strings.pick("——从头重演，记入同目录的 \(name)", " — replayed from the start into \(name), beside the first run")
        } ?? ""))
    }

    /// Plays the next message now and pauses there.
    private func step(wall: Double) throws(AppError) {
        guard let next = tape?.nextTime else {
            answer(.rejected, "step: " + strings.pick("回放已结束", "the replay has ended"))
            return
        }
        try play(until: next, deadline: .infinity)
        replayClock.seek(to: next, wall: wall)
        replayClock.setPaused(true, wall: wall)
        answer(.accepted, "step \(next.clockTime) · " + strings.pick("已暂停", "paused"))
    }

    /// Back to the recording's start with an empty board. The store cannot forget what it
    /// holds, so a rewound exercise goes on in a new training store beside it, and the
    /// earlier run stays whole for its after-action report. Refused while stdout carries the
    /// log, whose chain cannot go back.
    /// Returns where the exercise goes on ("" without a store), or nil when refused.
    private func rewind() throws(AppError) -> String? {
        guard !printsLog else {
            answer(.rejected, "seek: " + strings.pick("日志正输出到标准输出，无法回退；向前跳转可以", "the log is going to stdout and cannot go back; seek forward instead"))
            return nil
        }
        var newPath = ""
        if let old = store {
            // A shared board holds live work beside the exercise: a fresh board there is not ours to start.
            guard let file = old as? SQLiteStore else {
                answer(.rejected, "seek: " + strings.pick("共享库上的演练无法回退；向前跳转可以", "an exercise on a shared store cannot go back; seek forward instead"))
                return nil
            }
            newPath = Self.rewoundPath(of: file.path)
            store = try StoreOpener.open(newPath)
            if logWatch != nil { try startFollowing() }
        }
        intake = Intake(board: reference.emptyBoard(), chain: LogChain(), correlator: reference.correlator(), exercise: true)
        activity = AgencyActivity()
        tape?.rewind()
        invalidateRows()
        return newPath
    }

    /// `…/jinan-rainstorm-20261126T135934.db` → `…/jinan-rainstorm-20261126T135934-rewound-2.db`.
    static func rewoundPath(of path: String) -> String {
        let stem = path.hasSuffix(".db") ? String(path.dropLast(3)) : path
        var n = 1
        while FileManager.default.fileExists(atPath: "\(stem)-rewound-\(n).db") { n += 1 }
        return "\(stem)-rewound-\(n).db"
    }

    /// The instant `argument` names, on the day of `now` in China's time (+08:00).
    static func seekTarget(_ argument: String, from now: Instant) -> Instant? {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if let sign = text.first, sign == "+" || sign == "-" {
            let body = text.dropFirst()
            guard let unit = body.last, let amount = Double(body.dropLast()), amount >= 0 else { return nil }
            let scale: Double = switch unit {
            case "s": 1
            case "m": 60
            case "h": 3600
            default: 0
            }
            guard scale > 0 else { return nil }
            return now.adding(seconds: (sign == "+" ? 1 : -1) * amount * scale)
        }
        let parts = text.split(separator: ":")
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), hour < 24, let minute = Int(parts[1]), minute < 60,
              (parts.count == 2 || Int(parts[2])! < 60) else { return nil }
        let day = now.rfc3339.prefix(10)
        return Instant(rfc3339: "\(day)T\(parts[0]):\(parts[1]):\(parts.count == 3 ? parts[2] : "00")+08:00")
    }
}
