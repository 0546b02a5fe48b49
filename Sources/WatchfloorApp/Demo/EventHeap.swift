/// Events waiting for their time, earliest first (ties in the order they were made).
struct EventHeap {
    struct Item {
        var time: Int64
        var order: Int
        var line: [UInt8]

        func before(_ o: Item) -> Bool { (time, order) < (o.time, o.order) }
    }

    private var items: [Item] = []

    func peek() -> Item? { items.first }

    mutating func push(_ item: Item) {
        items.append(item)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i].before(items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Item? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count && items[l].before(items[m]) { m = l }
            if r < items.count && items[r].before(items[m]) { m = r }
            if m == i { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }
}
