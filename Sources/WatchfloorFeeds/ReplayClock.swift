import WatchfloorCore

/// The scenario clock of a replay the officer can steer: it runs at `speed` times real time
/// from an anchor, and pausing or changing speed re-anchors it, so the scenario time never
/// jumps. Wall time is passed in (seconds on a monotonic clock), which keeps it testable.
public struct ReplayClock: Sendable, Equatable {
    /// Times real time; nil runs as fast as the board can fold.
    public private(set) var speed: Double?
    public private(set) var paused = false
    /// The scenario time at wall time `wall`.
    private var anchor: (scenario: Instant, wall: Double)?

    public init(speed: Double?) {
        self.speed = speed
    }

    public static func == (a: ReplayClock, b: ReplayClock) -> Bool {
        a.speed == b.speed && a.paused == b.paused && a.anchor?.scenario == b.anchor?.scenario && a.anchor?.wall == b.anchor?.wall
    }

    public var started: Bool { anchor != nil }

    /// Starts the clock at the first message's time.
    public mutating func start(at scenario: Instant, wall: Double) {
        anchor = (scenario, wall)
    }

    /// Where the scenario is at a wall time; nil before it started. At full speed every
    /// message is due at once.
    public func scenarioTime(wall: Double) -> Instant? {
        guard let anchor else { return nil }
        guard let speed else { return Instant(milliseconds: .max) }
        if paused { return anchor.scenario }
        return anchor.scenario.adding(seconds: (wall - anchor.wall) * speed)
    }

    /// Seconds of wall time until the scenario reaches `time`; 0 when it is due, nil while
    /// paused (nothing is due until the officer resumes).
    public func wait(until time: Instant, wall: Double) -> Double? {
        guard let now = scenarioTime(wall: wall) else { return 0 }
        if time <= now { return 0 }
        guard let speed, !paused else { return nil }
        return time.seconds(since: now) / speed
    }

    /// Moves the scenario's clock to `time` now, keeping the speed and whether it is paused.
    public mutating func seek(to time: Instant, wall: Double) {
        anchor = (time, wall)
    }

    public mutating func setSpeed(_ newSpeed: Double?, wall: Double) {
        reanchor(wall: wall)
        speed = newSpeed
    }

    public mutating func setPaused(_ pause: Bool, wall: Double) {
        reanchor(wall: wall)
        paused = pause
    }

    private mutating func reanchor(wall: Double) {
        guard let now = scenarioTime(wall: wall), speed != nil else { return }
        anchor = (now, wall)
    }
}
