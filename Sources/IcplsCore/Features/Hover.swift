import IcplsDocument

/// Markdown to show for the token under the cursor, and the token's range.
public struct HoverContent: Hashable, Sendable {
    public var markdown: String
    public var range: ByteRange
}

/// What an id, number or reference is, where it is declared, and the facts the
/// rules judge it by. Paths are the server's to write: `describe` turns a
/// location into the text shown for it.
public enum Hover {
    public static func hover(
        at offset: Int, in document: DocumentKey, result: CheckResult, describe: (Location) -> String
    ) -> HoverContent? {
        guard let symbol = SymbolFinder.symbol(at: offset, in: document, result: result) else { return nil }
        let facts = HoverFacts(result: result)
        let markdown: String
        switch symbol.kind {
        case .account: markdown = facts.account(symbol, describe: describe)
        case .instance: markdown = facts.instance(symbol, describe: describe)
        case .serviceNumber: markdown = facts.serviceNumber(symbol, describe: describe)
        case .filing: markdown = facts.filing(symbol, describe: describe)
        }
        return HoverContent(markdown: markdown, range: symbol.location.range)
    }

    /// For a diagnostic's range: the rule's ID, title and why the filing rules demand it.
    public static func ruleHover(_ rule: RuleID, catalog: any MessageCatalog = EnglishCatalog()) -> String {
        let rationale = catalog.rationale(of: rule)
        return "**\(rule)** \(Markdown.plain(catalog.title(of: rule)))" + (rationale.isEmpty ? "" : "\n\n\(Markdown.plain(rationale))")
    }
}

/// Builds the hover text of each kind of symbol from the check's analyses.
struct HoverFacts {
    let result: CheckResult
    var index: WorkspaceIndex { result.index }
    var context: RuleContext { result.context }

    func instance(_ symbol: SymbolOccurrence, describe: (Location) -> String) -> String {
        var text = Markdown()
        guard let declared = index.instances[symbol.name], let id = declared.declaration.id else {
            text.line("**Instance** \(Markdown.code(symbol.name))")
            text.paragraph("No document declares this instance.")
            return text.markdown
        }
        let instance = declared.declaration
        let product = instance.product?.value
        text.line("**Instance** \(Markdown.code(symbol.name))" + (product.map { " · \($0.rawValue)" } ?? ""))
        declaredIn(index.location(declared.document, id.range), symbol, describe: describe, into: &text)
        text.bullet("Purchased by " + (instance.account.map { Markdown.code($0.value) } ?? "no account given"))
        if let region = instance.region {
            text.bullet("Region \(Markdown.code(region.value)) (\(areaName(instance.regionArea)))")
        } else {
            text.bullet("No region given")
        }
        if let billing = instance.billing {
            let term = instance.subscriptionMonths.map { ", \(Markdown.count(Int($0.value), "month")) purchased" } ?? ""
            text.bullet("Billing: \(billing.value.rawValue)\(term)")
        }
        if let expiresOn = instance.expiresOn?.value {
            text.bullet("Expires on \(expiresOn) (\(timeLeft(until: expiresOn)))")
        }
        text.bullet("Public bandwidth: \(Markdown.number(instance.publicBandwidthMbps?.value ?? 0)) Mbps")
        text.bullet("Status: \(instance.status?.value.rawValue ?? InstanceStatus.running.rawValue)")
        if let product {
            if let lens = CodeLenses.slotsTitle(of: instance, product: product, quotaUsage: context.quotaUsage) {
                text.bullet("Quota: \(lens)")
            }
            let problems = HostEligibility.problems(of: instance, asOf: context.asOf)
            if problems.isEmpty {
                text.bullet("Can host a draft website as of \(context.asOf)")
            } else {
                text.bullet("Cannot host a draft website as of \(context.asOf):")
                for problem in problems {
                    text.line("  - \(problem.rule): \(Markdown.plain(context.fixes.catalog.text(problem.message)))")
                }
            }
        }
        let users = websites(hostedOn: symbol.name)
        if users.isEmpty {
            text.paragraph("No website uses it.")
        } else {
            text.paragraph("**Websites** (\(users.count))")
            for entry in users {
                let via = entry.website.serviceNumber.map { "number \(Markdown.code($0.value))" } ?? "selected directly"
                text.bullet("\(website(entry)), \(via)")
            }
        }
        return text.markdown
    }

    func serviceNumber(_ symbol: SymbolOccurrence, describe: (Location) -> String) -> String {
        var text = Markdown()
        text.line("**Service number** \(Markdown.code(symbol.name))")
        let namedBy = context.numberUsage.websites(naming: symbol.name)
        guard let declared = index.serviceNumbers[symbol.name], let value = declared.declaration.number else {
            text.paragraph("No document declares this number.")
            for website in namedBy { text.bullet("Named by \(self.website(index.websites[website]))") }
            return text.markdown
        }
        let number = declared.declaration
        declaredIn(index.location(declared.document, value.range), symbol, describe: describe, into: &text)
        let host = number.instance.flatMap { index.instances[$0.value]?.declaration }
        if let instanceID = number.instance {
            let product = host?.product.map { " (\($0.value.rawValue)\(host?.region.map { ", \($0.value)" } ?? ""))" }
            text.bullet("On instance \(Markdown.code(instanceID.value))" + (host == nil ? ", which no document declares" : product ?? ""))
        } else {
            text.bullet("No instance given")
        }
        if let appliedBy = number.appliedBy {
            var line = "Applied for by \(Markdown.code(appliedBy.value))"
            if let purchaser = host?.account?.value, !purchaser.isExactly(appliedBy.value) {
                line += ", not the instance's purchaser \(Markdown.code(purchaser))"
            }
            text.bullet(line)
        }
        let consumer = context.numberUsage.firstConsumer(of: symbol.name)
        var firstWebsite: Int?
        switch consumer {
        case .markedUsed?:
            text.bullet("Used outside this workspace (`\"used\": true`)")
        case .website(let first)?:
            firstWebsite = first
            text.bullet("Used by \(website(index.websites[first]))")
        case nil:
            let eligible = context.fixes.unusedNumbers.contains { $0.number.isExactly(symbol.name) }
            text.bullet(eligible ? "Unused, on a host that can take a filing" : "Unused")
        }
        for later in namedBy where later != firstWebsite {
            text.bullet("Also named by \(website(index.websites[later])): a number backs one website, ever")
        }
        return text.markdown
    }

    func account(_ symbol: SymbolOccurrence, describe: (Location) -> String) -> String {
        var text = Markdown()
        guard let declared = index.accounts[symbol.name], let id = declared.declaration.id else {
            text.line("**Account** \(Markdown.code(symbol.name))")
            text.paragraph("No document declares this account.")
            return text.markdown
        }
        let name = declared.declaration.name.map { " · \(Markdown.plain($0.value))" } ?? ""
        text.line("**Account** \(Markdown.code(symbol.name))\(name)")
        declaredIn(index.location(declared.document, id.range), symbol, describe: describe, into: &text)
        let instances = index.instanceIDs.filter { index.instances[$0]?.declaration.account?.value.isExactly(symbol.name) == true }
        text.bullet("Purchased \(Markdown.count(instances.count, "instance"))" + Markdown.list(instances.map { id in
            Markdown.code(id) + (index.instances[id]?.declaration.product.map { " (\($0.value.rawValue))" } ?? "")
        }))
        let numbers = index.orderedServiceNumbers.filter { $0.declaration.appliedBy?.value.isExactly(symbol.name) == true }.compactMap(\.declaration.number?.value)
        text.bullet("Applied for \(Markdown.count(numbers.count, "service number"))" + Markdown.list(numbers.map(Markdown.code)))
        let filings = index.documents.flatMap(\.model.filings).filter { $0.account?.value.isExactly(symbol.name) == true }
        text.bullet("Files \(Markdown.count(filings.count, "filing"))" + Markdown.list(filings.map { filing in
            (filing.id.map { Markdown.code($0.value) } ?? "a filing without id") + " (\(filing.effectiveStatus.rawValue))"
        }))
        return text.markdown
    }

    func filing(_ symbol: SymbolOccurrence, describe: (Location) -> String) -> String {
        var text = Markdown()
        let sharing = index.documents.flatMap { document in
            document.model.filings.compactMap { filing in filing.id?.value.isExactly(symbol.name) == true ? (document.key, filing) : nil }
        }
        // Filings sharing an id stay separate: describe the one under the cursor.
        guard let (key, filing) = sharing.first(where: { $0.0 == symbol.location.document && $0.1.id?.range == symbol.location.range })
                ?? sharing.first, let id = filing.id else {
            text.line("**Filing** \(Markdown.code(symbol.name))")
            return text.markdown
        }
        text.line("**Filing** \(Markdown.code(symbol.name)) · \(filing.effectiveStatus.rawValue)")
        text.paragraph("Declared in \(describe(Location(document: key, range: id.range)))")
        if let account = filing.account {
            let name = index.accounts[account.value]?.declaration.name.map { " (\(Markdown.plain($0.value)))" } ?? ""
            text.bullet("Filed by \(Markdown.code(account.value))\(name)")
        }
        let domains = filing.websites.map { $0.domain.map { Markdown.code($0.value) } ?? "a website without domain" }
        text.bullet(Markdown.count(filing.websites.count, "website") + Markdown.list(domains))
        if sharing.count > 1 {
            text.bullet("\(sharing.count) filings share this id")
        }
        return text.markdown
    }

    // MARK: - Pieces

    private func declaredIn(_ first: Location, _ symbol: SymbolOccurrence, describe: (Location) -> String, into text: inout Markdown) {
        text.paragraph("Declared in \(describe(first))")
        if symbol.isDeclaration && symbol.location != first {
            text.paragraph("This later declaration repeats the \(symbol.kind == .serviceNumber ? "number" : "id"); the first one counts.")
        }
    }

    private func websites(hostedOn instance: String) -> [WebsiteEntry] {
        index.websites.filter { entry in
            entry.hosting == .alibabaCloud && index.host(of: entry)?.instance.declaration.id?.value.isExactly(instance) == true
        }
    }

    private func website(_ entry: WebsiteEntry) -> String {
        let domain = entry.website.domain.map { Markdown.code($0.value) } ?? "a website without domain"
        let filing = entry.filing.id.map { "filing \(Markdown.code($0.value))" } ?? "a filing without id"
        return "\(domain) in \(filing) (\(entry.filing.effectiveStatus.rawValue))"
    }

    private func areaName(_ area: RegionArea?) -> String {
        switch area {
        case .mainland?: return "Chinese mainland"
        case .hongKong?: return "Hong Kong: websites hosted here need no ICP filing"
        case .outsideMainland?: return "outside the Chinese mainland"
        case nil: return "unknown region"
        }
    }

    /// Whole months between the as-of date and the expiry, in words.
    private func timeLeft(until expiresOn: CalendarDate) -> String {
        let months = context.asOf.wholeMonths(until: expiresOn)
        if months > 0 { return "\(Markdown.count(months, "month")) left" }
        if months < 0 { return "expired \(Markdown.count(-months, "month")) ago" }
        return expiresOn < context.asOf ? "expired less than a month ago" : "less than a month left"
    }
}
