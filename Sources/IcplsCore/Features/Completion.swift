import IcplsDocument

public struct CompletionItem: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable {
        /// A declared id or number.
        case reference
        /// One of a member's allowed values.
        case value
        case member
    }

    public var label: String
    public var detail: String?
    public var documentation: String?
    public var kind: Kind
    /// Orders the items as listed here.
    public var sortText: String
    /// Replaces the list's `replaceRange`: a value as JSON (strings quoted);
    /// a member name quoted, with `: ` and an empty value when no value follows yet.
    public var newText: String
    /// `newText` with the cursor placed inside the new value (`$0`), for
    /// clients that take snippets; nil when it would be the same.
    public var snippet: String?
    /// What the text typed so far is matched against: quoted when the
    /// replaced text starts with a quote.
    public var filterText: String
}

public struct CompletionList: Hashable, Sendable {
    public var items: [CompletionItem]
    /// The whole string token when the cursor is in one (quotes included),
    /// else an empty range at the cursor.
    public var replaceRange: ByteRange
}

/// Completion of reference values (declared accounts, instances, numbers),
/// of allowed values, and of member names.
public enum Completion {
    public static func completions(at offset: Int, in document: DocumentKey, result: CheckResult) -> CompletionList? {
        guard let analyzed = result.index.document(document),
              let position = EditPositionFinder.find(offset, in: analyzed) else { return nil }
        let range = position.replaceRange
        let quoted = !range.isEmpty && analyzed.text[range.start] == UInt8(ascii: "\"")
        let candidates: [Candidate]
        switch position.place {
        case .memberName(let replacing, let keepsValue):
            candidates = memberNames(position, replacing: replacing, keepsValue: keepsValue)
        case .value(let member, _):
            candidates = values(of: member, position, result: result)
        }
        guard !candidates.isEmpty else { return nil }
        let items = candidates.enumerated().map { rank, candidate in
            CompletionItem(
                label: candidate.label, detail: candidate.detail, documentation: candidate.documentation,
                kind: candidate.kind, sortText: sortKey(rank), newText: candidate.newText,
                snippet: candidate.snippet, filterText: quoted ? JSONText.quoted(candidate.label) : candidate.label
            )
        }
        return CompletionList(items: items, replaceRange: range)
    }

    struct Candidate {
        var label: String
        var detail: String?
        var documentation: String?
        var kind: CompletionItem.Kind
        var newText: String
        var snippet: String?

        static func value(_ label: String, detail: String? = nil, documentation: String? = nil, kind: CompletionItem.Kind = .value) -> Candidate {
            Candidate(label: label, detail: detail, documentation: documentation, kind: kind, newText: JSONText.quoted(label))
        }
    }

    // MARK: - Member names

    private static func memberNames(_ position: EditPosition, replacing: ByteRange, keepsValue: Bool) -> [Candidate] {
        let present = Set(position.object.members.filter { $0.keyRange != replacing }.map(\.key))
        let missing = position.kind.members.filter { !present.contains($0.name) }
        // Required members first, each group in the format's order.
        return (missing.filter(\.isRequired) + missing.filter { !$0.isRequired }).map { schema in
            let key = JSONText.quoted(schema.name)
            let value = emptyValue(of: schema.kind)
            return Candidate(
                label: schema.name, detail: describe(schema), documentation: nil, kind: .member,
                newText: keepsValue ? key : "\(key): \(value.text)",
                snippet: keepsValue ? nil : "\(key): \(value.snippet)"
            )
        }
    }

    /// A value to start with, valid JSON of the member's type, and the same with the cursor inside it.
    private static func emptyValue(of kind: ValueKind) -> (text: String, snippet: String) {
        switch kind {
        case .arrayOf: return ("[]", "[$0]")
        case .boolean: return ("false", "${1:false}")
        case .positiveInteger: return ("1", "${1:1}")
        case .nonNegativeNumber: return ("0", "${1:0}")
        case .identifier, .text, .enumeration, .date, .domain, .region, .anyValue: return ("\"\"", "\"$0\"")
        }
    }

    private static func describe(_ schema: MemberSchema) -> String {
        let type: String
        switch schema.kind {
        case .identifier: type = "id"
        case .text: type = "text"
        case .enumeration(let values): type = values.joined(separator: " | ")
        case .date: type = "date YYYY-MM-DD"
        case .positiveInteger: type = "whole number, at least 1"
        case .nonNegativeNumber: type = "number, at least 0"
        case .boolean: type = "true | false"
        case .domain: type = "bare host name"
        case .region: type = "region"
        case .anyValue: type = "any value"
        case .arrayOf(let kind): type = "array of \(kind.rawValue) objects"
        }
        if schema.isRequired { return "required · " + type }
        return schema.name == "expiresOn" ? "required for subscriptions · " + type : type
    }

    // MARK: - Values

    private static func values(of member: String, _ position: EditPosition, result: CheckResult) -> [Candidate] {
        if let role = SymbolFinder.role(of: member, in: position.kind) {
            guard !role.isDeclaration else { return [] }
            let references = ReferenceCandidates(result: result)
            switch role.kind {
            case .account: return references.accounts()
            case .instance: return references.instances(preferringPurchaser: preferredPurchaser(position))
            case .serviceNumber: return references.serviceNumbers()
            case .filing: return []
            }
        }
        switch position.kind.member(named: member)?.kind {
        case .enumeration(let allowed)?:
            if position.kind == .instance && member == "product" {
                return Product.allCases.map { .value($0.rawValue, detail: describe($0)) }
            }
            return allowed.map { .value($0) }
        case .region?:
            return Regions.all.map { .value($0, detail: describe(Regions.area(of: $0))) }
        case .boolean?:
            return ["true", "false"].map { Candidate(label: $0, kind: .value, newText: $0) }
        default:
            return []
        }
    }

    /// The account whose instances a reference should offer first: the filing's
    /// account for a website (a direct selection needs the purchaser), the
    /// applicant for a number.
    private static func preferredPurchaser(_ position: EditPosition) -> String? {
        let owner: JSONObjectSyntax?
        let member: String
        switch position.kind {
        case .website:
            owner = position.ancestors.last { $0.kind == .filing }?.object
            member = "account"
        case .serviceNumber:
            owner = position.object
            member = "appliedBy"
        default:
            return nil
        }
        return owner?.member(member)?.value.string
    }

    private static func describe(_ product: Product) -> String {
        guard let hosting = product.hosting else { return "cannot host a filing" }
        let pool = hosting.isPooledPerAccount ? "per purchasing account" : "per instance"
        return "\(hosting.quota) numbers \(pool), subscription of at least \(hosting.minimumSubscriptionMonths) months"
    }

    private static func describe(_ area: RegionArea?) -> String {
        switch area {
        case .mainland?: return "Chinese mainland"
        case .hongKong?: return "Hong Kong: no ICP filing needed"
        case .outsideMainland?: return "outside the Chinese mainland"
        case nil: return "unknown"
        }
    }

    /// Zero-padded, so that editors sorting by text keep this order.
    private static func sortKey(_ position: Int) -> String {
        let digits = String(position)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
