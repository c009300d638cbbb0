import Dispatch

/// Independent pieces of work spread over the machine's cores.
enum Parallel {
    /// `work(0) … work(count - 1)`, run at the same time where cores allow, results in order.
    static func map<Result: Sendable>(_ count: Int, _ work: @Sendable (Int) -> Result) -> [Result] {
        let slots = Slots<Result>(count: count)
        defer { slots.free() }
        DispatchQueue.concurrentPerform(iterations: count) { position in
            slots.store(work(position), at: position)
        }
        return slots.results()
    }

    /// `first()` and `second()` at the same time where cores allow.
    static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let firstSlot = Slots<First>(count: 1)
        let secondSlot = Slots<Second>(count: 1)
        defer {
            firstSlot.free()
            secondSlot.free()
        }
        DispatchQueue.concurrentPerform(iterations: 2) { position in
            if position == 0 {
                firstSlot.store(first(), at: 0)
            } else {
                secondSlot.store(second(), at: 0)
            }
        }
        return (firstSlot.results()[0], secondSlot.results()[0])
    }
}

/// One slot per piece of work. Unchecked: each slot is written by exactly one piece, and
/// read only after `concurrentPerform` has returned, which orders every write before.
private struct Slots<Result: Sendable>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func store(_ result: Result, at position: Int) {
        buffer[position] = result
    }

    func results() -> [Result] {
        buffer.map { $0! }
    }

    func free() {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }
}
