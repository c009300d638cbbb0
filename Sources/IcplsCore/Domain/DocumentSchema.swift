import IcplsDocument

/// The document format of SPEC §2 as data: the reader, the structure rules,
/// completion and `icpls schema` all read it, so they cannot disagree.
public enum ObjectKind: String, Sendable, Hashable, CaseIterable {
    case document, account, instance, serviceNumber, filing, website

    public var members: [MemberSchema] { Self.tables[ordinal].members }
    /// The names of `members`, in order, and those of the required ones: what a reader tests keys against.
    var memberNames: MemberNames { Self.tables[ordinal].names }
    var requiredMemberNames: [String] { Self.tables[ordinal].requiredNames }

    private struct Tables {
        let members: [MemberSchema]
        let names: MemberNames
        let requiredNames: [String]

        init(_ kind: ObjectKind) {
            members = kind.schemaMembers
            names = MemberNames(members.map(\.name))
            requiredNames = members.filter(\.isRequired).map(\.name)
        }
    }

    /// Readers ask for these for every object they read: each table is built once, and found by
    /// position rather than by hashing the kind's name.
    private static let tables = (0..<allCases.count).map { ordinal in Tables(allCases.first { $0.ordinal == ordinal }!) }

    private var ordinal: Int {
        switch self {
        case .document: return 0
        case .account: return 1
        case .instance: return 2
        case .serviceNumber: return 3
        case .filing: return 4
        case .website: return 5
        }
    }

    private var schemaMembers: [MemberSchema] {
        switch self {
        case .document:
            return [
                MemberSchema("$schema", .anyValue),
                MemberSchema("accounts", .arrayOf(.account)),
                MemberSchema("instances", .arrayOf(.instance)),
                MemberSchema("serviceNumbers", .arrayOf(.serviceNumber)),
                MemberSchema("filings", .arrayOf(.filing)),
            ]
        case .account:
            return [MemberSchema("id", .identifier, required: true), MemberSchema("name", .text)]
        case .instance:
            return [
                MemberSchema("id", .identifier, required: true),
                MemberSchema("product", .enumeration(Product.allCases.map(\.rawValue)), required: true),
                MemberSchema("account", .identifier, required: true),
                MemberSchema("region", .region, required: true),
                MemberSchema("billing", .enumeration(Billing.allCases.map(\.rawValue)), required: true),
                MemberSchema("expiresOn", .date),
                MemberSchema("subscriptionMonths", .positiveInteger),
                MemberSchema("publicBandwidthMbps", .nonNegativeNumber),
                MemberSchema("status", .enumeration(InstanceStatus.allCases.map(\.rawValue))),
            ]
        case .serviceNumber:
            return [
                MemberSchema("number", .identifier, required: true),
                MemberSchema("instance", .identifier, required: true),
                MemberSchema("appliedBy", .identifier, required: true),
                MemberSchema("used", .boolean),
            ]
        case .filing:
            return [
                MemberSchema("id", .identifier, required: true),
                MemberSchema("account", .identifier, required: true),
                MemberSchema("status", .enumeration(FilingStatus.allCases.map(\.rawValue))),
                MemberSchema("websites", .arrayOf(.website)),
            ]
        case .website:
            return [
                MemberSchema("domain", .domain, required: true),
                MemberSchema("hosting", .enumeration(Hosting.allCases.map(\.rawValue))),
                MemberSchema("serviceNumber", .identifier),
                MemberSchema("instance", .identifier),
                MemberSchema("providerRemoved", .boolean),
            ]
        }
    }

    /// Whether the member of this name holds objects the reader reads as objects of the format
    /// (an array of them), rather than a value it only checks the type of.
    func readsAsObjects(_ name: String) -> Bool {
        if case .arrayOf = member(named: name)?.kind { return true }
        return false
    }

    public func member(named name: String) -> MemberSchema? {
        members.first { $0.name.isExactly(name) }
    }
}

public struct MemberSchema: Sendable, Hashable {
    public let name: String
    public let kind: ValueKind
    /// Required in every object of its kind (`expiresOn` is required only for subscriptions).
    public let isRequired: Bool

    init(_ name: String, _ kind: ValueKind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.isRequired = required
    }
}

public enum ValueKind: Sendable, Hashable {
    /// A non-empty string compared exactly: ids and numbers.
    case identifier
    case text
    case enumeration([String])
    /// `YYYY-MM-DD`, a real date.
    case date
    /// A whole number of at least 1.
    case positiveInteger
    case nonNegativeNumber
    case boolean
    /// A bare host name.
    case domain
    /// Any string; one §3 does not list is ICP006.
    case region
    case anyValue
    case arrayOf(ObjectKind)
}
