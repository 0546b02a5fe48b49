import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorUI

/// What the feeds pane shows: the six agencies of a replay, on the scenario's clock; or, on a
/// live board, the feeds as the log tells them — each `feed.up/down/stale` an ingester wrote,
/// with the lines the log counts for it.
extension Session {
    var feeds: [FeedStatus] {
        if let live = liveFeeds { return Self.statuses(live.intake.health, wall: WallTime.secondsSince1970()) }
        return mode == .training ? replayedFeeds : loggedFeeds
    }

    /// The feeds this console reads, as their health says.
    static func statuses(_ health: FeedHealth, wall: Double) -> [FeedStatus] {
        health.feeds.map { feed in
            let state: FeedStatus.State = switch feed.state {
            case .waiting: .waiting
            case .up: .up
            case .stale: .stale
            case .down: .down
            }
            return FeedStatus(name: feed.name, state: state, ratePerSecond: feed.ratePerSecond(wall: wall), lagSeconds: feed.lagSeconds,
                              lastMessage: feed.lastMessage, accepted: feed.accepted, rejected: feed.rejected, reason: feed.reason)
        }
    }

    private var replayedFeeds: [FeedStatus] {
        let now = intake.board.clock
        return Agency.allCases.map { agency in
            let r = activity.records[agency]
            let state: FeedStatus.State = switch activity.state(agency, now: now) {
            case .waiting: .waiting
            case .up: .up
            case .stale: .stale
            case .down: .down
            }
            return FeedStatus(
                agency: agency, state: state, ratePerSecond: activity.ratePerMinute(agency, now: now) / 60,
                lastMessage: r?.lastMessage, accepted: r?.accepted ?? 0, rejected: r?.rejected ?? 0
            )
        }
    }

    /// Feeds the log speaks of, by name; the rate and lag are the ingester's to know.
    private var loggedFeeds: [FeedStatus] {
        let board = intake.board
        let names = Set(board.feedStates.keys).union(board.feedTallies.keys).sorted()
        return names.map { name in
            let logged = board.feedStates[name]
            let tally = board.feedTallies[name] ?? FeedTally()
            let state: FeedStatus.State = switch logged?.state {
            case .up?: .up
            case .down?: .down
            case .stale?: .stale
            case nil: .waiting
            }
            return FeedStatus(name: name, state: state, ratePerSecond: nil, lastMessage: tally.lastMessage,
                              accepted: tally.accepted, rejected: tally.rejected, reason: logged?.reason)
        }
    }
}
