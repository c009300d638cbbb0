import IcplsDocument

/// The English words of every message, fix title and setting error.
public struct EnglishCatalog: MessageCatalog {
    public init() {}

    public func text(_ message: Message) -> String {
        switch message {
        case .syntax(let kind): return syntaxText(kind)
        case .missingMember(let member, let kind):
            return "\(article(kind)) is missing the required member \"\(member)\"; add it."
        case .missingExpiresOn:
            return "A subscription instance needs \"expiresOn\" (YYYY-MM-DD): add the date its subscription ends."
        case .wrongType(let member, let expected):
            return "\"\(member)\" must be \(describe(expected))."
        case .notAllowed(let member, let value, let allowed):
            return "\"\(value)\" is not an allowed value of \"\(member)\"; use one of: \(allowed.joined(separator: ", "))."
        case .notRealDate(let member, let value):
            return "\"\(value)\" is not a real date for \"\(member)\"; write it as YYYY-MM-DD."
        case .notPositiveInteger(let member):
            return "\"\(member)\" must be a whole number of at least 1."
        case .negativeNumber(let member):
            return "\"\(member)\" must not be negative."
        case .emptyIdentifier(let member):
            return "\"\(member)\" must not be empty."
        case .notBareHostName(let domain):
            return "\"\(domain)\" is not a bare host name: give the domain alone, without scheme, path, port, spaces or user."
        case .topLevelNotObject:
            return "A filing document must be one JSON object with accounts, instances, serviceNumbers and filings."
        case .arrayElementNotObject(let kind):
            return "Each element here must be \(article(kind).lowercasedFirst) object."
        case .unknownMember(let name, let kind, let suggestion):
            let known = kind == .document ? "at the top level" : "in \(article(kind).lowercasedFirst)"
            return "\"\(name)\" is not a member \(known)" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "; remove it.")
        case .duplicateKey(let key):
            return "\"\(key)\" appears more than once in this object; only the last one counts. Remove the others."
        case .unknownRegion(let region):
            return "\"\(region)\" is not a known Alibaba Cloud region; check its spelling (e.g. cn-hangzhou)."
        case .unknownAccount(let id, let suggestion):
            return "No document declares the account \"\(id)\"" + didYouMean(suggestion, otherwise: "declare it under \"accounts\"")
        case .unknownInstance(let id, let suggestion):
            return "No document declares the instance \"\(id)\"" + didYouMean(suggestion, otherwise: "declare it under \"instances\"")
        case .unknownServiceNumber(let number, let suggestion):
            return "No document declares the service identification number \"\(number)\""
                + didYouMean(suggestion, otherwise: "declare it under \"serviceNumbers\" or use a declared one")
        case .duplicateDeclaration(let kind, let id):
            return "\(declarationName(kind).capitalizedFirst) \"\(id)\" is declared more than once; keep one declaration."
        case .serviceNumberReused(let number, let first):
            return "The service identification number \"\(number)\" already backs \(consumer(first)); a number backs one website, ever, even after that filing is cancelled. Use an unused number."
        case .quotaExceeded(let pool, let product, let quota, let slot):
            let name: String
            switch pool {
            case .instance(let id): name = "\"\(id)\""
            case .elasticWebHosting(let account): name = "the elastic-web-hosting instances of \"\(account)\""
            }
            return "This is use \(slot) of \(name), but \(product.rawValue) allows \(quota); release a number or use another instance."
        case .appliedByNonPurchaser(let number, let appliedBy, let purchaser, let instance):
            return "\"\(number)\" was applied for by \"\(appliedBy)\", but the instance \"\(instance)\" was purchased by \"\(purchaser)\": only the purchasing account can apply for its numbers."
        case .directSelectionByNonPurchaser(let instance, let filingAccount, let purchaser):
            return "The filing account \"\(filingAccount)\" did not purchase \"\(instance)\" (\"\(purchaser)\" did): ask \"\(purchaser)\" for a service identification number of it instead."
        case .serviceNumberOfOtherInstance(let number, let numberInstance, let instance):
            return "\"\(number)\" belongs to the instance \"\(numberInstance)\", not \"\(instance)\"; give one of them."
        case .productCannotHost(let instance, let product):
            return "\"\(instance)\" is \(product.rawValue), which cannot host a filing: " + advice(product)
        case .hostedInHongKong(let instance):
            return "\"\(instance)\" is in Hong Kong (cn-hongkong): websites hosted in Hong Kong need no ICP filing."
        case .hostedOutsideMainland(let instance, let region):
            return "\"\(instance)\" is in \(region), outside the Chinese mainland: only mainland instances can host an ICP filing."
        case .payAsYouGo(let instance):
            return "\"\(instance)\" is billed pay-as-you-go: switch it to subscription before filing."
        case .instanceExpiredByStatus(let instance, let status):
            return "\"\(instance)\" is \(status.rawValue): renew it or choose a running instance."
        case .instanceExpiredOn(let instance, let date):
            return "\"\(instance)\" expired on \(date): renew it or choose another instance."
        case .subscriptionTooShort(let instance, let months, let minimum, let product):
            return "\"\(instance)\" was bought for \(months) month\(months == 1 ? "" : "s"); \(product.rawValue) needs at least \(minimum) to file: extend the subscription."
        case .subscriptionEndsTooSoon(let instance, let expiresOn, let needed, let minimum):
            return "\"\(instance)\" expires on \(expiresOn): the time left does not meet the \(minimum)-month requirement for filing (it must run until at least \(needed)); renew first."
        case .noPublicBandwidth(let instance):
            return "\"\(instance)\" has no public bandwidth: an ECS instance needs a public IP with bandwidth above 0 Mbps to file."
        case .trustPassNeedsNone(let member):
            return "A TrustPass shop needs no service identification number or instance: remove \"\(member)\"."
        case .otherProviderFiling(let domain):
            return "\(domain.map { "\"\($0)\" is" } ?? "This website is") hosted at another provider: file it through that provider's own filing platform."
        case .noHostGiven(let domain):
            return "\(domain.map { "\"\($0)\"" } ?? "This website") gives neither \"serviceNumber\" nor \"instance\": add a service identification number."
        case .domainRepeated(let domain):
            return "\"\(domain)\" is already in another website of an active filing; file each domain once."
        case .relatedFirstDeclaration: return "first declared here"
        case .relatedFirstConsumer: return "first used here"
        case .relatedCause: return "the cause"
        case .relatedKeeper: return "already filed here"
        case .fixUseServiceNumber(let number, let instance): return "Use unused number \(number) (on \(instance))"
        case .fixReplaceInstanceWithNumber(let number): return "Use service number \(number) of this instance"
        case .fixReplace(let value): return "Change to \"\(value)\""
        case .fixUseBareHostName(let host): return "Use the bare host name \"\(host)\""
        case .fixRemoveMember(let member): return "Remove \"\(member)\""
        case .fixRemoveWebsite(let domain): return "Remove the website\(domain.map { " \"\($0)\"" } ?? "") from this filing"
        case .fixIgnoreOnLine(let rule): return "Ignore \(rule) on this line"
        case .settingNotJSONC(let detail): return "the settings are not valid JSONC: \(detail)"
        case .settingsNotObject: return "the settings must be a JSON object"
        case .settingUnknownMember(let name): return "unknown setting \"\(name)\" (known: asOf, rules, $schema)"
        case .settingWrongType(let name, let expected): return "the setting \"\(name)\" must be \(expected)"
        case .settingBadDate(let value): return "asOf \"\(value)\" is not a real date (YYYY-MM-DD)"
        case .settingUnknownRule(let id): return "\"\(id)\" is not a rule of icpls (see `icpls rules`)"
        case .settingUnknownSeverity(let rule, let value):
            return "\"\(value)\" is not a severity for \(rule): use off, hint, information, warning or error"
        }
    }

    private func syntaxText(_ kind: SyntaxErrorKind) -> String {
        switch kind {
        case .invalidUTF8: return "These bytes are not UTF-8; save the file as UTF-8."
        case .unexpectedToken(let found): return "Unexpected \(quoted(found)) here."
        case .invalidToken(let found): return "\(quoted(found)) is not a JSON value: use a \"string\", a number, true, false, null, an object or an array."
        case .invalidNumber(let found): return "\(quoted(found)) is not a valid JSON number."
        case .expectedMemberName(let found): return "Expected a member name in double quotes, found \(quoted(found))."
        case .missingComma: return "Missing comma before this."
        case .missingColon: return "Missing colon after the member name."
        case .missingValue(let found): return "Missing value before \(quoted(found))."
        case .missingClosingBracket(let bracket): return "Missing \"\(bracket)\"."
        case .unterminatedString: return "This string is not closed: add the closing quote."
        case .unterminatedComment: return "This comment is not closed: add \"*/\"."
        case .invalidEscape: return "This string holds an invalid escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX."
        case .controlCharacterInString: return "This string holds a raw control character; escape it (for a tab: \\t)."
        case .textAfterTopLevelValue: return "Unexpected text after the document's object."
        case .nestingTooDeep(let limit): return "Arrays and objects are nested deeper than \(limit) levels here; this value is skipped."
        case .fileTooLarge(let limit): return "The file is larger than \(limit / 1024 / 1024) MiB and is not checked."
        }
    }

    private func quoted(_ text: String) -> String {
        text == "end of text" ? text : "`\(text)`"
    }

    private func didYouMean(_ suggestion: String?, otherwise: String) -> String {
        suggestion.map { "; did you mean \"\($0)\"?" } ?? "; \(otherwise)."
    }

    private func article(_ kind: ObjectKind) -> String {
        switch kind {
        case .document: return "The document"
        case .account: return "An account"
        case .instance: return "An instance"
        case .serviceNumber: return "A service number"
        case .filing: return "A filing"
        case .website: return "A website"
        }
    }

    private func declarationName(_ kind: DeclarationKind) -> String {
        switch kind {
        case .account: return "the account"
        case .instance: return "the instance"
        case .serviceNumber: return "the service identification number"
        case .filing: return "the filing"
        }
    }

    private func describe(_ kind: ValueKind) -> String {
        switch kind {
        case .identifier: return "a non-empty string"
        case .text, .region: return "a string"
        case .enumeration(let values): return "one of \(values.joined(separator: ", "))"
        case .date: return "a date string YYYY-MM-DD"
        case .positiveInteger: return "a whole number of at least 1"
        case .nonNegativeNumber: return "a number of at least 0"
        case .boolean: return "true or false"
        case .domain: return "a host name string"
        case .anyValue: return "any value"
        case .arrayOf(let kind): return "an array of \(article(kind).lowercasedFirst.dropFirstWord) objects"
        }
    }

    private func consumer(_ consumer: ConsumerDescription) -> String {
        switch consumer {
        case .markedUsed: return "a filing outside this workspace (it is marked \"used\")"
        case .website(let domain, let filingID, let status):
            let site = domain.map { "\"\($0)\"" } ?? "a website"
            let filing = filingID.map { " in the \(status.rawValue) filing \"\($0)\"" } ?? " in a \(status.rawValue) filing"
            return site + filing
        }
    }

    private func advice(_ product: Product) -> String {
        switch product.nonHostingAdvice {
        case .useBackendECS: return "file with a backend ECS instance instead."
        case .useEligibleECS: return "file with an eligible ECS instance of the account instead."
        case .useFiledDomain, .none: return "it serves a domain that is already filed; file the website on an eligible host."
        }
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var dropFirstWord: String {
        guard let space = firstIndex(of: " ") else { return self }
        return String(self[index(after: space)...])
    }
}
