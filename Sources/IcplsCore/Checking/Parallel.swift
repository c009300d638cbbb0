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

    /// `first()` on the calling thread and `second()` on another at the same time.
    ///
    /// `first` is the larger or longer-lived piece: what it allocates comes from the calling
    /// thread's malloc arena, which later work on that thread reuses when it is freed. Memory
    /// freed in a worker's arena stays with that worker, and a language server would keep it.
    static func both<First, Second: Sendable>(_ first: () -> First, _ second: @escaping @Sendable () -> Second) -> (First, Second) {
        let secondSlot = Slots<Second>(count: 1)
        defer { secondSlot.free() }
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) { secondSlot.store(second(), at: 0) }
        let firstResult = first()
        done.wait()
        return (firstResult, secondSlot.results()[0])
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
