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
    /// When no worker has taken `second` by the time `first` is done (all of them busy), the
    /// calling thread does it too, so that it never waits on a thread that may not come.
    static func both<First, Second: Sendable>(_ first: () -> First, _ second: @escaping @Sendable () -> Second) -> (First, Second) {
        let other = ClaimedWork(second)
        DispatchQueue.global().async(group: other.done) { other.runUnlessClaimed() }
        let firstResult = first()
        if !other.runUnlessClaimed() { other.done.wait() }
        return (firstResult, other.result!)
    }
}

/// A piece of work that whichever thread claims it first does, once.
///
/// Unchecked: `result` is written by the thread that claimed the work, and read by the caller
/// either on that same thread or after `done`, which the worker leaves only when it is finished.
private final class ClaimedWork<Result: Sendable>: @unchecked Sendable {
    private let body: @Sendable () -> Result
    /// One permit: taking it without waiting is the claim. (Made with none and given one:
    /// libdispatch stops a program that frees a semaphore below its first value.)
    private let claim = DispatchSemaphore(value: 0)
    let done = DispatchGroup()
    private(set) var result: Result?

    init(_ body: @escaping @Sendable () -> Result) {
        self.body = body
        claim.signal()
    }

    /// Does the work unless another thread claimed it first; true when this thread did it.
    @discardableResult
    func runUnlessClaimed() -> Bool {
        guard claim.wait(timeout: .now()) == .success else { return false }
        result = body()
        return true
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
