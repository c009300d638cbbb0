import IcplsDocument

/// Reads a syntax tree into a `DocumentModel`, checking it against the
/// document schema on the way (ICP002–ICP006) in one walk.
///
/// Repeated keys (ICP005) are found as each object of the format is read; the values the
/// format does not read as objects of its own (unknown members, wrong types, anything else
/// that holds objects) are walked for them (`findDuplicateKeys`).
public struct DocumentReader {
    public private(set) var findings: [StructuralFinding] = []

    public static func read(_ tree: JSONSyntaxTree) -> (DocumentModel, [StructuralFinding]) {
        read(tree, sideBySide: (tree.root?.range.length ?? 0) >= JSONCParser.sideBySideMinimum)
    }

    /// `sideBySide`: the filings on one core, the inventory on the other, as for a large
    /// document; the findings come out in the order one walk after another gives.
    static func read(_ tree: JSONSyntaxTree, sideBySide: Bool) -> (DocumentModel, [StructuralFinding]) {
        var reader = DocumentReader()
        if let nonObject = tree.nonObjectRoot {
            reader.report("ICP003", nonObject.range, .topLevelNotObject)
            // Not read as a document, but its objects repeat keys as any object can.
            reader.findDuplicateKeys(nonObject)
        }
        guard let root = tree.root else { return (DocumentModel(), reader.findings) }
        var top = DocumentReader()
        guard let members = top.members(of: root, kind: .document) else {
            reader.findDuplicateKeys(root)
            return (DocumentModel(), reader.findings + top.findings)
        }
        let readFilings = { @Sendable () -> (filings: [FilingDeclaration], findings: [StructuralFinding]) in
            var reader = DocumentReader()
            let filings = reader.readElements(members["filings"], kind: .filing) { $0.readFiling($1) }
            return (filings, reader.findings)
        }
        let readInventory = { @Sendable () -> (model: DocumentModel, findings: [StructuralFinding]) in
            var reader = DocumentReader()
            var model = DocumentModel()
            model.accounts = reader.readElements(members["accounts"], kind: .account) { $0.readAccount($1) }
            model.instances = reader.readElements(members["instances"], kind: .instance) { $0.readInstance($1) }
            model.serviceNumbers = reader.readElements(members["serviceNumbers"], kind: .serviceNumber) { $0.readServiceNumber($1) }
            return (model, reader.findings)
        }
        let (inventory, filings) = sideBySide ? Parallel.both(readInventory, readFilings) : (readInventory(), readFilings())
        var model = inventory.model
        model.filings = filings.filings
        return (model, reader.findings + top.findings + inventory.findings + filings.findings)
    }

    // MARK: - Objects of the format

    mutating func readAccount(_ node: JSONNode) -> AccountDeclaration {
        let members = members(of: node, kind: .account) ?? MemberLookup([])
        return AccountDeclaration(open: openBrace(node), id: identifier(members, "id"), name: text(members, "name"))
    }

    mutating func readInstance(_ node: JSONNode) -> InstanceDeclaration {
        let members = members(of: node, kind: .instance) ?? MemberLookup([])
        let billing = enumeration(members, "billing", Billing.self)
        if billing?.value == .subscription && !members.has("expiresOn") {
            report("ICP002", openBrace(node), .missingExpiresOn)
        }
        let region = text(members, "region")
        if let region, Regions.area(of: region.value) == nil {
            report("ICP006", region.range, .unknownRegion(region.value))
        }
        return InstanceDeclaration(
            open: openBrace(node),
            id: identifier(members, "id"),
            product: enumeration(members, "product", Product.self),
            account: identifier(members, "account"),
            region: region,
            billing: billing,
            expiresOn: date(members, "expiresOn"),
            subscriptionMonths: positiveInteger(members, "subscriptionMonths"),
            publicBandwidthMbps: nonNegativeNumber(members, "publicBandwidthMbps"),
            status: enumeration(members, "status", InstanceStatus.self)
        )
    }

    mutating func readServiceNumber(_ node: JSONNode) -> ServiceNumberDeclaration {
        let members = members(of: node, kind: .serviceNumber) ?? MemberLookup([])
        return ServiceNumberDeclaration(
            open: openBrace(node),
            number: identifier(members, "number"),
            instance: identifier(members, "instance"),
            appliedBy: identifier(members, "appliedBy"),
            used: boolean(members, "used")
        )
    }

    mutating func readFiling(_ node: JSONNode) -> FilingDeclaration {
        let members = members(of: node, kind: .filing) ?? MemberLookup([])
        var filing = FilingDeclaration(
            open: openBrace(node),
            id: identifier(members, "id"),
            account: identifier(members, "account"),
            status: enumeration(members, "status", FilingStatus.self)
        )
        filing.websites = readElements(members["websites"], kind: .website) { $0.readWebsite($1) }
        return filing
    }

    private mutating func readWebsite(_ node: JSONNode) -> WebsiteDeclaration {
        let members = members(of: node, kind: .website) ?? MemberLookup([])
        let serviceNumber = members.position(of: "serviceNumber")
        let instance = members.position(of: "instance")
        return WebsiteDeclaration(
            open: openBrace(node),
            objectRange: node.range,
            domain: domain(members, "domain"),
            hosting: enumeration(members, "hosting", Hosting.self),
            serviceNumber: identifier(members, "serviceNumber"),
            serviceNumberKey: serviceNumber.map { members.members[$0].keyRange },
            serviceNumberWritten: serviceNumber.map { members.members[$0].value.range },
            instance: identifier(members, "instance"),
            instanceKey: instance.map { members.members[$0].keyRange },
            providerRemoved: boolean(members, "providerRemoved")
        )
    }

    // MARK: - Members

    /// The members that count (the last of each name), after reporting repeated, unknown
    /// and missing ones, and looking for repeated keys in the values this reader does not
    /// read as objects of the format. Nil when the node is not an object.
    private mutating func members(of node: JSONNode, kind: ObjectKind) -> MemberLookup? {
        guard let object = node.object else { return nil }
        let names = kind.memberNames
        let counting = MemberLookup(object.members, names: names)
        // Members are looked at where they are, by position: copying each one out costs more than the test.
        for position in object.members.indices {
            if counting.isRepeat(position) {
                report("ICP005", object.members[position].keyRange, .duplicateKey(object.members[position].key))
            }
            guard counting.isLast(position) else { continue }
            if counting.isUnknown(position) {
                let member = object.members[position]
                let candidates = names.names.filter { $0 != "$schema" && !counting.has($0) }
                let suggestion = ClosestName.find(member.key, among: candidates)
                report("ICP004", member.keyRange, .unknownMember(member.key, in: kind, suggestion: suggestion),
                       repair: .closest(typed: member.key, candidates: candidates))
                findDuplicateKeys(member.value)
            } else if object.members[position].value.isContainer, !kind.readsAsObjects(object.members[position].key) {
                findDuplicateKeys(object.members[position].value)
            }
        }
        for name in kind.requiredMemberNames where !counting.has(name) {
            report("ICP002", openBrace(node), .missingMember(name, in: kind))
        }
        return counting
    }

    /// Each object among the elements of `member`'s array read by `read`, in order, where it
    /// lies (copying the elements out first costs more than reading them); what is no array or
    /// no object is reported as it is met.
    private mutating func readElements<Declaration>(
        _ member: JSONMember?, kind: ObjectKind, _ read: (inout DocumentReader, JSONNode) -> Declaration
    ) -> [Declaration] {
        guard let member, !member.value.isInvalid else { return [] }
        guard case .array(let array) = member.value.value else {
            report("ICP003", member.value.range, .wrongType(member: member.key, expected: .arrayOf(kind)))
            findDuplicateKeys(member.value)
            return []
        }
        var declarations: [Declaration] = []
        declarations.reserveCapacity(array.count)
        for position in array.indices {
            if case .object = array[position].value {
                declarations.append(read(&self, array[position]))
            } else if !array[position].isInvalid {
                report("ICP003", array[position].range, .arrayElementNotObject(kind))
                findDuplicateKeys(array[position])
            }
        }
        return declarations
    }

    // MARK: - Values
    //
    // Each value is read where it lies in its object, by the member's position: copying the
    // member out, key and value, would cost more than reading it. A member's key is `key`
    // itself, byte for byte (see `MemberLookup`).

    /// The value of the member that counts for `key`, when `take` takes it; nil when there is no
    /// such member or its value is invalid (the parser said why), ICP003 when it is another type.
    private mutating func value<Value>(
        _ members: MemberLookup, _ key: String, expected: ValueKind, _ take: (JSONValueSyntax) -> Value?
    ) -> Located<Value>? {
        guard let position = members.position(of: key) else { return nil }
        let range = members.members[position].value.range
        if let value = take(members.members[position].value.value) { return Located(value, at: range) }
        if !members.members[position].value.isInvalid {
            report("ICP003", range, .wrongType(member: key, expected: expected))
        }
        return nil
    }

    private mutating func string(_ members: MemberLookup, _ key: String, expected: ValueKind) -> Located<String>? {
        value(members, key, expected: expected) { if case .string(let string) = $0 { string } else { nil } }
    }

    private mutating func identifier(_ members: MemberLookup, _ key: String) -> Located<String>? {
        guard let value = string(members, key, expected: .identifier) else { return nil }
        if value.value.isEmpty {
            report("ICP003", value.range, .emptyIdentifier(member: key))
            return nil
        }
        return value
    }

    private mutating func text(_ members: MemberLookup, _ key: String) -> Located<String>? {
        string(members, key, expected: .text)
    }

    private mutating func enumeration<E: RawRepresentable & CaseIterable & Sendable>(_ members: MemberLookup, _ key: String, _ type: E.Type) -> Located<E>?
    where E.RawValue == String {
        guard let position = members.position(of: key) else { return nil }
        guard case .string(let text) = members.members[position].value.value, let parsed = E(rawValue: text) else {
            reportEnumerationProblem(members, key, type)
            return nil
        }
        return Located(parsed, at: members.members[position].value.range)
    }

    /// Why `enumeration` read nothing: the member is invalid (nothing to say), or its value is
    /// no string or not allowed. Kept apart so that reading a good value lists nothing.
    private mutating func reportEnumerationProblem<E: RawRepresentable & CaseIterable & Sendable>(_ members: MemberLookup, _ key: String, _ type: E.Type)
    where E.RawValue == String {
        let allowed = E.allCases.map(\.rawValue)
        guard let value = string(members, key, expected: .enumeration(allowed)) else { return }
        report("ICP003", value.range, .notAllowed(member: key, value: value.value, allowed: allowed),
               repair: .closest(typed: value.value, candidates: allowed))
    }

    private mutating func date(_ members: MemberLookup, _ key: String) -> Located<CalendarDate>? {
        guard let value = string(members, key, expected: .date) else { return nil }
        guard let date = CalendarDate(parsing: value.value) else {
            report("ICP003", value.range, .notRealDate(member: key, value: value.value))
            return nil
        }
        return Located(date, at: value.range)
    }

    private mutating func number(_ members: MemberLookup, _ key: String, expected: ValueKind) -> Located<JSONNumber>? {
        value(members, key, expected: expected) { if case .number(let number) = $0 { number } else { nil } }
    }

    private mutating func positiveInteger(_ members: MemberLookup, _ key: String) -> Located<Double>? {
        guard let number = number(members, key, expected: .positiveInteger) else { return nil }
        guard number.value.isInteger, number.value.value >= 1 else {
            report("ICP003", number.range, .notPositiveInteger(member: key))
            return nil
        }
        return Located(number.value.value, at: number.range)
    }

    private mutating func nonNegativeNumber(_ members: MemberLookup, _ key: String) -> Located<Double>? {
        guard let number = number(members, key, expected: .nonNegativeNumber) else { return nil }
        guard number.value.value >= 0 else {
            report("ICP003", number.range, .negativeNumber(member: key))
            return nil
        }
        return Located(number.value.value, at: number.range)
    }

    private mutating func boolean(_ members: MemberLookup, _ key: String) -> Located<Bool>? {
        value(members, key, expected: .boolean) { if case .bool(let value) = $0 { value } else { nil } }
    }

    private mutating func domain(_ members: MemberLookup, _ key: String) -> Located<String>? {
        guard let value = string(members, key, expected: .domain) else { return nil }
        guard HostName.isBare(value.value) else {
            let repair = HostName.bareHost(of: value.value).map { StructuralFinding.Repair.bareHostName($0) }
            report("ICP003", value.range, .notBareHostName(value.value), repair: repair)
            return nil
        }
        return value
    }

    // MARK: - Duplicate keys

    /// ICP005 in every object of a value the format does not read (the whole tree, had it no
    /// format); only the last of a repeated key is looked into.
    mutating func findDuplicateKeys(_ root: JSONNode) {
        guard root.isContainer else { return }
        var pending = [root]
        while let node = pending.popLast() {
            switch node.value {
            case .object(let object):
                let lookup = MemberLookup(object.members)
                for position in object.members.indices {
                    if lookup.isRepeat(position) {
                        report("ICP005", object.members[position].keyRange, .duplicateKey(object.members[position].key))
                    }
                    if lookup.isLast(position) && object.members[position].value.isContainer {
                        pending.append(object.members[position].value)
                    }
                }
            case .array(let elements):
                for element in elements where element.isContainer { pending.append(element) }
            default:
                break
            }
        }
    }

    private func openBrace(_ node: JSONNode) -> ByteRange {
        ByteRange(start: node.range.start, end: node.range.start + 1)
    }

    private mutating func report(_ rule: RuleID, _ range: ByteRange, _ message: Message, repair: StructuralFinding.Repair? = nil) {
        findings.append(StructuralFinding(rule: rule, range: range, message: message, repair: repair))
    }
}
