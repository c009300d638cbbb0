import Foundation
import IcplsJSONRPC

/// Events from the reader thread, waiting for the server loop. The loop takes
/// everything that has arrived at once, so a burst of edits is handled as one
/// batch and validated once.
final class Inbox: @unchecked Sendable {
    // Safe to share: every member is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var events: [MessageReader.Event] = []

    /// Posts the events of one read together, so the loop never takes half of them.
    func post(_ newEvents: [MessageReader.Event]) {
        condition.lock()
        events.append(contentsOf: newEvents)
        condition.signal()
        condition.unlock()
    }

    /// Everything that has arrived, waiting until something does or `deadline` passes.
    func takeAll(waitingUntil deadline: Date) -> [MessageReader.Event] {
        condition.lock()
        defer { condition.unlock() }
        while events.isEmpty {
            if !condition.wait(until: deadline) { break }
        }
        let taken = events
        events.removeAll(keepingCapacity: true)
        return taken
    }

    /// True when messages have arrived that the loop has not taken yet.
    var hasWaitingEvents: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !events.isEmpty
    }
}
