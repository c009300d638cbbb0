import IcplsDocument

extension DocumentReader {
    /// Makes `reading`, the model and findings read from the tree before an edit, those of
    /// `tree`, when the edit re-parsed only the array element `reparsed` (offsets after the
    /// edit) and moved the text after it by `delta`: only the top-level element holding it
    /// (an account, an instance, a number or a filing) is read again; what lies after it is
    /// moved. It changes in place: when nothing else holds the model, no declaration is copied.
    ///
    /// False when that cannot be sure to equal a full read, and `reading` is then of no use
    /// (the caller reads the whole tree): the element is not inside an array that is the
    /// counting member of the top-level object, or a finding of the previous read straddles
    /// the element's edges.
    public static func reread(
        _ reading: inout (model: DocumentModel, findings: [StructuralFinding]), tree: JSONSyntaxTree, reparsed: ByteRange, delta: Int
    ) -> Bool {
        guard let root = tree.root, let members = root.object?.members,
              let memberIndex = members.partitionedIndex(where: { $0.value.range.end > reparsed.start }),
              members[memberIndex].value.range.start < reparsed.start,
              MemberLookup(members).isLast(memberIndex),
              let elements = members[memberIndex].value.array,
              let elementIndex = elements.partitionedIndex(where: { $0.range.end >= reparsed.end }),
              elements[elementIndex].range.start <= reparsed.start
        else { return false }
        let element = elements[elementIndex]
        let oldElement = ByteRange(start: element.range.start, end: element.range.end - delta)

        // Findings: those before kept, those in the element found again, those after moved.
        var findings: [StructuralFinding] = []
        findings.reserveCapacity(reading.findings.count)
        for finding in reading.findings {
            let range = finding.range
            if range.start >= oldElement.end {
                findings.append(finding.moved(by: delta))
            } else if range.start >= oldElement.start && range.end <= oldElement.end {
                continue
            } else if range.end <= oldElement.start {
                findings.append(finding)
            } else {
                return false
            }
        }
        var reader = DocumentReader()
        guard element.object != nil else { return false }
        reading.model.moveDeclarations(after: oldElement, by: delta)
        let start = element.range.start
        let replaced: Bool
        switch members[memberIndex].key {
        case "accounts": replaced = reading.model.accounts.replace(at: start, with: reader.readAccount(element))
        case "instances": replaced = reading.model.instances.replace(at: start, with: reader.readInstance(element))
        case "serviceNumbers": replaced = reading.model.serviceNumbers.replace(at: start, with: reader.readServiceNumber(element))
        case "filings": replaced = reading.model.filings.replace(at: start, with: reader.readFiling(element))
        default:
            // A member the format does not read: only its repeated keys count.
            reader.findDuplicateKeys(element)
            replaced = true
        }
        reading.findings = findings + reader.findings
        return replaced
    }
}

/// Declarations that know where their object opens.
private protocol OpenedAt {
    var open: ByteRange { get }
}

extension AccountDeclaration: OpenedAt {}
extension InstanceDeclaration: OpenedAt {}
extension ServiceNumberDeclaration: OpenedAt {}
extension FilingDeclaration: OpenedAt {}

extension Array where Element: OpenedAt {
    /// Replaces the declaration whose object opens at `start`; false when there is none.
    fileprivate mutating func replace(at start: Int, with declaration: Element) -> Bool {
        guard let index = partitionedIndex(where: { $0.open.start >= start }), self[index].open.start == start else { return false }
        self[index] = declaration
        return true
    }

    /// The first position whose declaration opens at or after `offset` (declarations are in text order).
    fileprivate func firstPosition(openingAtOrAfter offset: Int) -> Int {
        partitionedIndex(where: { $0.open.start >= offset }) ?? count
    }
}

extension DocumentModel {
    /// Moves every declaration that opens at or after the end of `element` by `delta`.
    fileprivate mutating func moveDeclarations(after element: ByteRange, by delta: Int) {
        for index in accounts.firstPosition(openingAtOrAfter: element.end)..<accounts.count { accounts[index].move(by: delta) }
        for index in instances.firstPosition(openingAtOrAfter: element.end)..<instances.count { instances[index].move(by: delta) }
        for index in serviceNumbers.firstPosition(openingAtOrAfter: element.end)..<serviceNumbers.count { serviceNumbers[index].move(by: delta) }
        for index in filings.firstPosition(openingAtOrAfter: element.end)..<filings.count { filings[index].move(by: delta) }
    }
}

// MARK: - Moving ranges

extension ByteRange {
    fileprivate func moved(by delta: Int) -> ByteRange {
        ByteRange(start: start + delta, end: end + delta)
    }
}

extension Optional where Wrapped == ByteRange {
    fileprivate mutating func move(by delta: Int) {
        if let range = self { self = range.moved(by: delta) }
    }
}

extension Optional {
    fileprivate mutating func move<Value>(by delta: Int) where Wrapped == Located<Value> {
        if let located = self { self = Located(located.value, at: located.range.moved(by: delta)) }
    }
}

extension StructuralFinding {
    fileprivate func moved(by delta: Int) -> StructuralFinding {
        var moved = self
        moved.range = range.moved(by: delta)
        return moved
    }
}

extension AccountDeclaration {
    fileprivate mutating func move(by delta: Int) {
        open = open.moved(by: delta)
        id.move(by: delta)
        name.move(by: delta)
    }
}

extension InstanceDeclaration {
    fileprivate mutating func move(by delta: Int) {
        open = open.moved(by: delta)
        id.move(by: delta)
        product.move(by: delta)
        account.move(by: delta)
        region.move(by: delta)
        billing.move(by: delta)
        expiresOn.move(by: delta)
        subscriptionMonths.move(by: delta)
        publicBandwidthMbps.move(by: delta)
        status.move(by: delta)
    }
}

extension ServiceNumberDeclaration {
    fileprivate mutating func move(by delta: Int) {
        open = open.moved(by: delta)
        number.move(by: delta)
        instance.move(by: delta)
        appliedBy.move(by: delta)
        used.move(by: delta)
    }
}

extension FilingDeclaration {
    fileprivate mutating func move(by delta: Int) {
        open = open.moved(by: delta)
        id.move(by: delta)
        account.move(by: delta)
        status.move(by: delta)
        for index in websites.indices { websites[index].move(by: delta) }
    }
}

extension WebsiteDeclaration {
    fileprivate mutating func move(by delta: Int) {
        open = open.moved(by: delta)
        objectRange = objectRange.moved(by: delta)
        domain.move(by: delta)
        hosting.move(by: delta)
        serviceNumber.move(by: delta)
        serviceNumberKey.move(by: delta)
        serviceNumberWritten.move(by: delta)
        instance.move(by: delta)
        instanceKey.move(by: delta)
        providerRemoved.move(by: delta)
    }
}
