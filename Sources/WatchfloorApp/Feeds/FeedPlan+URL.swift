import WatchfloorFeeds

extension FeedPlan {
    /// Each feed's address parsed; a bad one is named with its feed.
    func urls() throws(AppError) -> [(name: String, url: FeedURL)] {
        var urls: [(name: String, url: FeedURL)] = []
        for feed in feeds {
            do throws(FeedError) {
                urls.append((feed.name, try FeedURL(parsing: feed.url)))
            } catch {
                throw AppError("feed \(feed.name): \(error.message)", exitCode: 64)
            }
        }
        return urls
    }
}
