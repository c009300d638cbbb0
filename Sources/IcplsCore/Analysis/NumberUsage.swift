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

    private let index: WorkspaceIndex
    /// The first consumer of each declared number, by its position in `WorkspaceIndex.serviceNumbers`.
    private var firstConsumerOfDeclared: [Consumer?]
    /// The first consumer of each number no document declares.
    private var firstConsumerOfUndeclared: [ExactText: Consumer] = [:]
    /// Whether a website names each declared number, wherever the website is hosted.
    private var isDeclaredNumberNamed: [Bool]
    /// Websites that lose a number to an earlier consumer.
    public private(set) var reuses: [(website: Int, first: Consumer)] = []

    public init(_ index: WorkspaceIndex) {
        self.index = index
        let inventory = index.inventory
        firstConsumerOfDeclared = Array(repeating: nil, count: inventory.serviceNumbers.count)
        isDeclaredNumberNamed = Array(repeating: false, count: inventory.serviceNumbers.count)
        for position in inventory.markedUsed {
            let declared = inventory.serviceNumbers.ordered[position]
            guard let used = declared.declaration.used else { continue }
            firstConsumerOfDeclared[position] = .markedUsed(document: declared.document, range: used.range)
        }
        // Declared numbers were looked up when the index was made: only undeclared ones are hashed
        // here, and only their text is read.
        for websiteIndex in index.consumptionOrder {
            let entry = index.websites[websiteIndex]
            if let position = entry.declaredNumber {
                isDeclaredNumberNamed[position] = true
                guard entry.hosting == .alibabaCloud else { continue }
                if let first = firstConsumerOfDeclared[position] {
                    reuses.append((websiteIndex, first))
                } else {
                    firstConsumerOfDeclared[position] = .website(websiteIndex)
                }
            } else if entry.hosting == .alibabaCloud, let number = entry.website.serviceNumber {
                if let first = firstConsumerOfUndeclared[ExactText(number.value)] {
                    reuses.append((websiteIndex, first))
                } else {
                    firstConsumerOfUndeclared[ExactText(number.value)] = .website(websiteIndex)
                }
            }
        }
    }

    /// What consumes a number first, if anything does.
    public func firstConsumer(of number: String) -> Consumer? {
        if let position = index.serviceNumbers.position(of: number) { return firstConsumerOfDeclared[position] }
        return firstConsumerOfUndeclared[ExactText(number)]
    }

    /// True when nothing consumes the number: not `used`, named by no Alibaba Cloud website.
    public func isUnconsumed(_ number: String) -> Bool {
        firstConsumer(of: number) == nil
    }

    /// True when a website names the declared number at `position` in `WorkspaceIndex.serviceNumbers`.
    func isNamed(declaredNumber position: Int) -> Bool {
        isDeclaredNumberNamed[position]
    }

    /// Every Alibaba Cloud website that names a number, in consumption order.
    public func websites(naming number: String) -> [Int] {
        index.consumptionOrder.filter { websiteIndex in
            let entry = index.websites[websiteIndex]
            return entry.hosting == .alibabaCloud && entry.website.serviceNumber?.value.isExactly(number) == true
        }
    }
}
