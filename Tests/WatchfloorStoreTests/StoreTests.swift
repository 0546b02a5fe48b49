import Testing

/// Every store test, one at a time. They block their thread (the store's API is synchronous,
/// and they wait on disk, on the PostgreSQL server and on each other's threads), and Swift
/// Testing runs tests on the cooperative pool, which is as wide as the machine has cores (two
/// here) and is shared with the async tests of every other target in the process: one at a
/// time, the store tests hold at most one of its threads, and those tests' waits do not run out.
@Suite(.serialized)
enum StoreTests {}
