import IcplsDocument

/// Who consumes each service number, in the ICP201 order: a declaration's
/// `"used": true` first, then websites of non-draft filings, then drafts.
public struct NumberUsage: Sendable {
    public enum Consumer: Sendable {
        /// Consumed outside the workspace: the declaration's `used` value.
        case markedUsed(document: Int, range: ByteRange)
        /// An index into `WorkspaceIndex.websites`.
        case website(Int)
    }

    public private(set) var firstConsumer: [String: Consumer] = [:]
    /// Websites that lose a number to an earlier consumer.
    public private(set) var reuses: [(website: Int, first: Consumer)] = []
    /// Every website that names each number, in consumption order (also those hosted elsewhere).
    public private(set) var websitesByNumber: [String: [Int]] = [:]

    public init(_ index: WorkspaceIndex) {
        firstConsumer.reserveCapacity(index.serviceNumbers.count + index.websites.count)
        websitesByNumber.reserveCapacity(index.websites.count)
        for declared in index.orderedServiceNumbers {
            guard let used = declared.declaration.used, used.value, let number = declared.declaration.number else { continue }
            firstConsumer[number.value] = .markedUsed(document: declared.document, range: used.range)
        }
        for websiteIndex in index.consumptionOrder {
            let entry = index.websites[websiteIndex]
            guard let number = entry.website.serviceNumber else { continue }
            websitesByNumber[number.value, default: []].append(websiteIndex)
            guard entry.hosting == .alibabaCloud else { continue }
            if let first = firstConsumer[number.value] {
                reuses.append((websiteIndex, first))
            } else {
                firstConsumer[number.value] = .website(websiteIndex)
            }
        }
    }

    /// True when nothing consumes the number: not `used`, named by no website.
    public func isUnconsumed(_ number: String) -> Bool {
        firstConsumer[number] == nil
    }

    /// True when a website names the number, wherever it is hosted.
    public func isNamed(_ number: String) -> Bool {
        websitesByNumber[number] != nil
    }
}
