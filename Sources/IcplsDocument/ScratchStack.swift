/// The members (or elements) of the containers being parsed, innermost last, in one buffer
/// the parser reuses.
///
/// When a container closes, its children are moved out into an array of exactly their number.
/// Each container growing an array of its own, child by child, reallocated it again and again
/// (three times for an eight-member instance), and that was a sixteenth of a whole check.
final class ScratchStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 64
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func push(_ element: consuming Element) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// The last element pushed since `start`; nil when there is none.
    func last(since start: Int) -> Element? {
        count > start ? storage[count - 1] : nil
    }

    /// Drops the elements pushed since `start`.
    func discard(since start: Int) {
        guard count > start else { return }
        (storage + start).deinitialize(count: count - start)
        count = start
    }

    /// The elements pushed since `start`, moved out into an array of their own.
    func pop(since start: Int) -> [Element] {
        let taken = count - start
        guard taken > 0 else { return [] }
        let elements = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: storage + start, count: taken)
            initialized = taken
        }
        count = start
        return elements
    }
}
