import IcplsDocument

/// A declaration found by name anywhere in the workspace.
public struct WorkspaceSymbol: Hashable, Sendable {
    public var name: String
    public var kind: DocumentSymbol.Kind
    /// The id, number or domain value.
    public var location: Location
    /// What it belongs to: an instance's purchaser, a number's instance, a
    /// filing's account, a website's filing.
    public var containerName: String?
}

/// Declarations whose name matches a query, case-insensitively: names that
/// start with it first, then names that contain it, then names that hold its
/// characters in order; each group in workspace order.
public enum WorkspaceSymbols {
    public static let limit = 500

    public static func workspaceSymbols(matching query: String, in result: CheckResult) -> [WorkspaceSymbol] {
        let needle = Array(query.lowercased())
        var ranked: [[WorkspaceSymbol]] = [[], [], []]
        for document in result.index.documents {
            for symbol in declarations(in: document) {
                guard let rank = matchRank(of: Array(symbol.name.lowercased()), needle) else { continue }
                ranked[rank].append(symbol)
            }
        }
        return Array(ranked.joined().prefix(limit))
    }

    /// 0 for a prefix, 1 for a substring, 2 for a subsequence; nil for no match.
    static func matchRank(of name: [Character], _ needle: [Character]) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard needle.count <= name.count else { return nil }
        if name.starts(with: needle) { return 0 }
        for start in stride(from: 1, through: name.count - needle.count, by: 1) where name[start..<(start + needle.count)].elementsEqual(needle) {
            return 1
        }
        var remaining = needle[...]
        for character in name where character == remaining.first {
            remaining = remaining.dropFirst()
            if remaining.isEmpty { return 2 }
        }
        return nil
    }

    /// Every declaration of a document (later duplicates too) and its websites, in text order.
    private static func declarations(in document: AnalyzedDocument) -> [WorkspaceSymbol] {
        var found: [WorkspaceSymbol] = []
        func note(_ name: Located<String>?, _ kind: DocumentSymbol.Kind, container: String?) {
            guard let name else { return }
            found.append(WorkspaceSymbol(
                name: name.value, kind: kind,
                location: Location(document: document.key, range: name.range), containerName: container
            ))
        }
        let model = document.model
        for account in model.accounts { note(account.id, .account, container: nil) }
        for instance in model.instances { note(instance.id, .instance, container: instance.account?.value) }
        for number in model.serviceNumbers { note(number.number, .serviceNumber, container: number.instance?.value) }
        for filing in model.filings {
            note(filing.id, .filing, container: filing.account?.value)
            for website in filing.websites { note(website.domain, .website, container: filing.id?.value) }
        }
        return found.sorted { $0.location.range < $1.location.range }
    }
}
